export type {
  NewSandboxMessage,
  SandboxAuthor,
  SandboxFile,
  SandboxImage,
  SandboxMessage,
  SandboxStore,
} from '../../chat/sandbox-store-port.js';

export const dmConversation = (userId: string) => `dm:${userId}`;
export const channelConversation = (channelId: string) => `channel:${channelId}`;
