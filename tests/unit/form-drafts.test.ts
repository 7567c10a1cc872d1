import { createFakeMy, type FakeMy } from '../../runtime/harness/fake-my';
import { DRAFT_FORMAT_VERSION, FormDraft, FormDraftsStore } from '../../stores/form-drafts';

let fake: FakeMy;
beforeEach(() => {
  fake = createFakeMy();
  (globalThis as { my?: unknown }).my = fake;
});
afterEach(() => {
  delete (globalThis as { my?: unknown }).my;
});

const BASELINE = { name: '张三', skills: ['收银'], email: '' };

describe('FormDraft', () => {
  it('opens on the baseline when nothing is stored, clean and not restored', () => {
    const draft = new FormDraft('drafts.test');
    draft.open(BASELINE);
    expect(draft.values).toEqual(BASELINE);
    expect(draft.dirty).toBe(false);
    expect(draft).toMatchObject({ restored: false, revision: 1 });
    expect(fake.$fake.storage.keys()).toEqual([]);
  });

  it('stores every change under its key, and drops the key when the values are back to the baseline', () => {
    const draft = new FormDraft('drafts.test');
    draft.open(BASELINE);
    draft.change({ name: '李四' });
    expect(draft.dirty).toBe(true);
    expect(fake.$fake.storage.get('drafts.test')).toEqual({
      version: DRAFT_FORMAT_VERSION,
      values: { ...BASELINE, name: '李四' },
      base: BASELINE,
      savedAt: expect.any(Number),
    });
    draft.change({ name: '张三' });
    expect(draft.dirty).toBe(false);
    expect(fake.$fake.storage.get('drafts.test')).toBeNull();
  });

  it('restores only the fields the seeker changed, over what the server has now', () => {
    const first = new FormDraft('drafts.test');
    first.open(BASELINE);
    first.change({ name: '李四' });
    // Meanwhile the email was changed on another device; the app restarts with that as the server's data.
    const later = new FormDraft('drafts.test');
    later.open({ ...BASELINE, email: 'new@example.com' });
    expect(later.values).toEqual({ ...BASELINE, name: '李四', email: 'new@example.com' });
    expect(later.restored).toBe(true);
  });

  it('keeps on the device what was typed while a save was on its way', () => {
    const draft = new FormDraft('drafts.test');
    draft.open(BASELINE);
    draft.change({ name: '李四' });
    const sent = draft.values;
    draft.change({ name: '李四四' });
    draft.committed(sent);
    expect(draft.baseline).toEqual({ ...BASELINE, name: '李四' });
    expect(draft.values).toEqual({ ...BASELINE, name: '李四四' });
    expect(draft.dirty).toBe(true);
    expect((fake.$fake.storage.get('drafts.test') as { values: unknown }).values).toEqual({
      ...BASELINE,
      name: '李四四',
    });
    draft.committed(draft.values);
    expect(fake.$fake.storage.get('drafts.test')).toBeNull();
  });

  it('restores a stored draft that differs from the baseline, marked, and discard goes back', () => {
    fake.$fake.storage.set('drafts.test', { version: DRAFT_FORMAT_VERSION, values: { name: '王五' }, savedAt: 1 });
    const draft = new FormDraft('drafts.test');
    draft.open(BASELINE);
    expect(draft.values).toEqual({ ...BASELINE, name: '王五' });
    expect(draft.dirty).toBe(true);
    expect(draft.restored).toBe(true);
    draft.discard();
    expect(draft.values).toEqual(BASELINE);
    expect(draft.dirty).toBe(false);
    expect(draft).toMatchObject({ restored: false, revision: 2 });
    expect(fake.$fake.storage.get('drafts.test')).toBeNull();
  });

  it('ignores (and removes) a stored draft equal to the baseline or of another format', () => {
    fake.$fake.storage.set('drafts.same', { version: DRAFT_FORMAT_VERSION, values: BASELINE, savedAt: 1 });
    fake.$fake.storage.set('drafts.old', { version: 0, values: { name: '旧格式' }, savedAt: 1 });
    for (const key of ['drafts.same', 'drafts.old']) {
      const draft = new FormDraft(key);
      draft.open(BASELINE);
      expect(draft).toMatchObject({ restored: false, values: BASELINE });
      expect(fake.$fake.storage.get(key)).toBeNull();
    }
  });

  it('rebase takes server-made changes into baseline and values, keeping the rest of the edit', () => {
    const draft = new FormDraft('drafts.test');
    draft.open({ ...BASELINE, phone: '' });
    draft.change({ name: '李四' });
    const revision = draft.revision;
    draft.rebase({ phone: '13912345678' });
    expect(draft.values).toEqual({ ...BASELINE, name: '李四', phone: '13912345678' });
    expect(draft.baseline.phone).toBe('13912345678');
    expect(draft.revision).toBe(revision + 1);
    expect((fake.$fake.storage.get('drafts.test') as { values: unknown }).values).toEqual(draft.values);
  });

  it('committed makes the values the baseline and clears the device copy', () => {
    const draft = new FormDraft('drafts.test');
    draft.open(BASELINE);
    draft.change({ skills: ['收银', '叉车'] });
    draft.committed();
    expect(draft.dirty).toBe(false);
    expect(draft).toMatchObject({ restored: false, baseline: { skills: ['收银', '叉车'] } });
    expect(fake.$fake.storage.get('drafts.test')).toBeNull();
  });

  it('says so when the device refuses to store (a key holds 200 KB at most), keeping the values', () => {
    const draft = new FormDraft('drafts.test');
    draft.open({ text: '' });
    draft.change({ text: 'x'.repeat(210 * 1024) });
    expect(draft.persisted).toBe(false);
    expect(draft.values.text).toHaveLength(210 * 1024);
    draft.change({ text: 'short' });
    expect(draft.persisted).toBe(true);
  });

  it('keeps a field cleared to undefined as null, since storage and setData drop undefined', () => {
    const draft = new FormDraft('drafts.test');
    draft.open({ name: '', gender: null });
    draft.change({ name: undefined });
    // A cleared field stays, as null: dropping it would bring the old value back from the baseline.
    expect(draft.values).toEqual({ name: null, gender: null });
  });
});

describe('FormDraftsStore', () => {
  it('hands out one draft per form, keyed drafts.<form>', () => {
    const store = new FormDraftsStore();
    const a = store.draft('resume.basic');
    expect(a.key).toBe('drafts.resume.basic');
    expect(store.draft('resume.basic')).toBe(a);
    expect(store.draft('resume.work.new')).not.toBe(a);
  });
});
