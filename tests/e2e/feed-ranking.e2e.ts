/**
 * 推荐 ranked by the resume on the first screen, and again after the app is relaunched (issue 10 item 3):
 * a seeker whose resume expects 前端 in 杭州 sees those jobs first, though they were published a month ago
 * and every other job is newer. Screenshots: artifacts/e2e/feed-ranking/.
 */
import { publishJobsIn, SimApp, startStack, type PublishedJob, type Stack } from './support/stack';

const USER = 'e2e-ranked';
const MONTH_MS = 30 * 24 * 60 * 60 * 1000;

let stack: Stack;
let expected: PublishedJob[] = [];

beforeAll(async () => {
  stack = await startStack();
  expected = publishJobsIn(stack.mock, {
    titleLike: '前端',
    cityCode: '330100',
    district: '西湖区',
    salaries: [
      [12_000, 18_000],
      [13_000, 19_000],
    ],
  });
  // A month old: without the resume's expectations they would be far down the feed.
  const age = stack.mock.db.prepare('UPDATE jobs SET published_at = published_at - ? WHERE id = ?');
  for (const job of expected) age.run(MONTH_MS, job.id);

  const login = await fetch(`${stack.mock.url}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ authCode: `u_${USER}.setup` }),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const saved = await fetch(`${stack.mock.url}/resume/expectations`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
    body: JSON.stringify({
      categories: ['前端开发工程师'],
      cityCodes: ['330100'],
      salaryMin: 12000,
      salaryMax: 20000,
      jobTypes: ['full_time'],
    }),
  });
  if (!saved.ok) throw new Error(`expectations: HTTP ${saved.status}`);
});

afterAll(async () => {
  await stack?.stop();
});

describe('推荐 by the resume', () => {
  it('puts the expected 杭州 前端 jobs first on launch and after a relaunch', async () => {
    const app = await SimApp.open(stack, 'feed-ranking', { authUser: USER });
    const firstCards = async () => {
      const cards = app.frame().locator('.job-card');
      await cards.first().waitFor({ timeout: 15_000 });
      return cards;
    };
    const rankedFirst = async () => {
      const cards = await firstCards();
      await app.waitUntil(async () => {
        const titles = await cards.locator('.job-card-title').allInnerTexts();
        const places = await cards.locator('.job-card-location').allInnerTexts();
        return expected.every((_job, i) => titles[i]?.includes('前端') && places[i]?.startsWith('杭州'));
      }, 'the 杭州 前端 jobs first');
    };
    try {
      await app.step('推荐：按简历排序', async () => {
        await app.waitForRoute('pages/jobs/index');
        await rankedFirst();
      });
      await app.step('重新打开后仍按简历排序', async () => {
        const feedRequests: URL[] = [];
        app.context.on('request', (request) => {
          const url = new URL(request.url());
          if (url.pathname === '/jobs') feedRequests.push(url);
        });
        await app.page.reload();
        await app.waitForRoute('pages/jobs/index');
        await rankedFirst();
        // Ranked from the very first request: the device remembered the expectations.
        expect(feedRequests[0]?.searchParams.get('prefCityCodes')).toBe('330100');
        expect(feedRequests[0]?.searchParams.get('prefCategories')).toBe('前端开发工程师');
      });
    } finally {
      await app.close();
    }
  });
});
