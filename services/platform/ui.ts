export function showToast(content: string, type: 'none' | 'success' | 'fail' = 'none'): void {
  my.showToast({ content, type, duration: 2000 });
}

export function stopPullDownRefresh(): void {
  my.stopPullDownRefresh();
}
