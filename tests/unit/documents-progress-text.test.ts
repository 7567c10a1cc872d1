import type { DocumentStatus } from '../../services/contracts/onboarding';
import { documentsProgressText } from '../../view-models/onboarding-view';

const of = (...statuses: DocumentStatus[]) => statuses.map((status) => ({ status }));

describe('documentsProgressText', () => {
  it('counts only what is left to upload (missing or refused) as 还差', () => {
    expect(documentsProgressText(of('missing', 'missing', 'missing'))).toBe('还差3项材料');
    expect(documentsProgressText(of('uploaded', 'rejected', 'missing'))).toBe('还差2项材料，1项待HR审核');
  });

  it('says what waits for the HR once everything is uploaded, and when all passed', () => {
    expect(documentsProgressText(of('uploaded', 'accepted', 'uploaded'))).toBe('2项材料待HR审核');
    expect(documentsProgressText(of('accepted', 'accepted'))).toBe('材料已全部审核通过');
  });
});
