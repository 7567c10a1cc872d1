import type { FavoriteItem, FavoriteState } from './contracts/favorites';
import type { CursorPage } from './contracts/page';
import { authorizedRequest } from './api';

export function setFavorite(jobId: string, favorited: boolean): Promise<FavoriteState> {
  return authorizedRequest<FavoriteState>({
    method: favorited ? 'PUT' : 'DELETE',
    path: `/favorites/${encodeURIComponent(jobId)}`,
  });
}

export function listFavorites(cursor?: string): Promise<CursorPage<FavoriteItem>> {
  return authorizedRequest<CursorPage<FavoriteItem>>({ method: 'GET', path: '/favorites', query: { cursor } });
}
