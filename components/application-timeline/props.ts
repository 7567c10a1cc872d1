import type { TimelineStepView } from '../../view-models/application-view';

export interface ApplicationTimelineProps {
  /** Steps oldest first, already formatted (`toApplicationTimelineView`); steps ahead have no time. */
  steps: TimelineStepView[];
  /** Index of the current step in `steps`: highlighted. */
  current: number;
  /** The application ended early (rejected, withdrawn, closed): the current step shows as stopped. */
  ended: boolean;
  /** Extra class on the root, for spacing from the page. */
  className: string;
}

export const ApplicationTimelineDefaultProps: ApplicationTimelineProps = {
  steps: [],
  current: 0,
  ended: false,
  className: '',
};
