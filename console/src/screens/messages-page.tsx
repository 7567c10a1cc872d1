import { PaneLayout } from '../layout/pane-layout';
import { ConversationListPane } from '../panes/conversation-list-pane';
import { ConversationPane } from '../panes/conversation-pane';

/** 消息: the company's conversations on the left, the chosen one beside them. */
export function MessagesPage(props: {
  selectedId: string | undefined;
  onSelect(id: string): void;
  onOpenApplication(applicationId: string): void;
}) {
  return (
    <PaneLayout
      panes={[
        {
          key: 'conversations',
          width: 360,
          content: <ConversationListPane selectedId={props.selectedId} onSelect={props.onSelect} />,
        },
        {
          key: 'conversation',
          minWidth: 480,
          content: <ConversationPane conversationId={props.selectedId} onOpenApplication={props.onOpenApplication} />,
        },
      ]}
    />
  );
}
