-- Chat that never loses a message: per-conversation sequence numbers, client ids for exactly-once sends,
-- cards (consent, status, scam warning), read positions by sequence, blocking, reports, chat notifications.

ALTER TABLE messages ADD COLUMN seq INTEGER NOT NULL DEFAULT 0;
ALTER TABLE messages ADD COLUMN client_id TEXT;
-- JSON of the message's card (services/contracts/conversations.ts MessageCard), null for plain text.
ALTER TABLE messages ADD COLUMN card TEXT;

UPDATE messages SET seq = (
  SELECT count(*) FROM messages m WHERE m.conversation_id = messages.conversation_id AND m.id <= messages.id
);
CREATE UNIQUE INDEX messages_conversation_seq ON messages (conversation_id, seq);
-- A retry carrying the same client id finds the message it already made.
CREATE UNIQUE INDEX messages_client_id ON messages (conversation_id, sender, client_id) WHERE client_id IS NOT NULL;

ALTER TABLE conversations ADD COLUMN last_seq INTEGER NOT NULL DEFAULT 0;
ALTER TABLE conversations ADD COLUMN seeker_read_seq INTEGER NOT NULL DEFAULT 0;
ALTER TABLE conversations ADD COLUMN hr_read_seq INTEGER NOT NULL DEFAULT 0;
ALTER TABLE conversations ADD COLUMN blocked_at INTEGER;

UPDATE conversations SET
  last_seq = coalesce((SELECT max(seq) FROM messages WHERE conversation_id = conversations.id), 0),
  seeker_read_seq = coalesce((SELECT max(seq) FROM messages
    WHERE conversation_id = conversations.id AND id <= conversations.seeker_read_message_id), 0),
  hr_read_seq = coalesce((SELECT max(seq) FROM messages
    WHERE conversation_id = conversations.id AND id <= conversations.hr_read_message_id), 0);

ALTER TABLE conversations DROP COLUMN seeker_read_message_id;
ALTER TABLE conversations DROP COLUMN hr_read_message_id;
CREATE INDEX conversations_hr_activity ON conversations (hr_id, last_message_at DESC, id DESC);

-- Messages the seeker reported (from a scam warning card or a message).
CREATE TABLE chat_reports (
  id INTEGER PRIMARY KEY,
  conversation_id INTEGER NOT NULL REFERENCES conversations (id),
  message_id INTEGER NOT NULL REFERENCES messages (id),
  user_id TEXT NOT NULL REFERENCES users (id),
  hr_id INTEGER NOT NULL REFERENCES hrs (id),
  reason TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  UNIQUE (message_id, user_id)
);

-- A chat message sent as a subscription message names its conversation.
ALTER TABLE notifications_outbox ADD COLUMN conversation_id INTEGER REFERENCES conversations (id);
