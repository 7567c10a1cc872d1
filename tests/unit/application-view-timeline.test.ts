import { createRuntime, type Runtime } from '../../runtime/harness/runtime';
import type { ApplicationTimelineProps } from '../../components/application-timeline/props';

let rt: Runtime;
beforeEach(() => {
  jest.resetModules();
  rt = createRuntime({ appJson: false });
});
afterEach(() => rt.dispose());

describe('application-timeline component', () => {
  it('starts empty, and draws the steps it is given', () => {
    const empty = rt.mountComponent<object, ApplicationTimelineProps>('components/application-timeline/index');
    expect(empty.props).toEqual({ steps: [], current: 0, ended: false, className: '' });

    const steps = [
      { key: 'submitted-0', title: '投递成功', timeText: '今天 09:00', note: '' },
      { key: 'closed-1', title: '已关闭', timeText: '今天 12:00', note: 'HR超过3天未查看简历' },
    ];
    const timeline = rt.mountComponent<object, ApplicationTimelineProps>('components/application-timeline/index', {
      steps,
      current: 1,
      ended: true,
    });
    expect(timeline.props).toMatchObject({ steps, current: 1, ended: true });
  });
});
