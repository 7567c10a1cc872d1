import type { EmployerApplicationWithResume as EmployerApplication } from '../../services/contracts/employer';
import { isNewArrival } from '../../console/src/panes/application-filters';

function application(overrides: Partial<EmployerApplication>): EmployerApplication {
  return { id: '7', status: 'submitted', unread: true, ...overrides } as EmployerApplication;
}

describe('the 新 tag on the console inbox', () => {
  const arrived = new Set(['7']);

  it('marks an unread submitted application that arrived while the list was open', () => {
    expect(isNewArrival(application({}), arrived)).toBe(true);
  });

  it('drops once the application is viewed, refused or withdrawn', () => {
    expect(isNewArrival(application({ status: 'viewed', unread: false }), arrived)).toBe(false);
    expect(isNewArrival(application({ status: 'rejected', unread: false }), arrived)).toBe(false);
    expect(isNewArrival(application({ status: 'withdrawn' }), arrived)).toBe(false);
  });

  it('never marks one that was already in the list', () => {
    expect(isNewArrival(application({}), new Set())).toBe(false);
  });
});
