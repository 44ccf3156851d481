import type { Platform } from '../core/org/types.js';

/** Who clicked or typed, as the platform knows them; the registry maps this to a Member. */
export type PlatformUser = {
  readonly platform: Platform;
  readonly workspaceId: string;
  readonly userId: string;
};

/** A button click on a card. */
export type ActionEvent = {
  readonly type: 'action';
  /** The platform's id for this delivery; retries carry the same id and are processed once. */
  readonly eventId: string;
  readonly user: PlatformUser;
  readonly actionId: string;
  readonly value: string;
  /** The platform's reference to the clicked message, so the handler's card update can target it. */
  readonly messageRef?: string;
  /** Where it was clicked (see TextEvent.conversation); absent: the member's DM with the bot. */
  readonly conversation?: string;
  /** Set where the platform can open a form for this click (Slack: its trigger_id came with it). */
  readonly formTrigger?: string;
};

/** A slash command or a plain-text command typed to the bot. */
export type CommandEvent = {
  readonly type: 'command';
  readonly eventId: string;
  readonly user: PlatformUser;
  /** Canonical command name without the slash, after alias resolution: `lead`, `pool`, `help`… */
  readonly command: string;
  readonly args: readonly string[];
  readonly rawText: string;
  /** Where it was typed (see TextEvent.conversation); absent: the member's DM with the bot. */
  readonly conversation?: string;
  /**
   * Typed in a group chat whose answers still go to the member's 1:1 chat (DingTalk: replyInDm), so no
   * `conversation` is set for it; elsewhere a group sets `conversation`. See isDirectMessage.
   */
  readonly groupChat?: true;
  /** Set where the platform can open a form in answer (Slack's slash commands carry a trigger_id). */
  readonly formTrigger?: string;
};

/**
 * A plain message typed to the bot that is no command: the answer to a question the bot asked in that conversation
 * (a draft, see chat/drafts), or else answered as an unknown command, as before.
 */
export type TextEvent = {
  readonly type: 'text';
  readonly eventId: string;
  readonly user: PlatformUser;
  /** As typed (leading @-mentions cut). */
  readonly text: string;
  /**
   * The platform's id of the conversation it was typed in (a DM, a group chat), so a question asked there is
   * answered from there only. Absent: the member's DM with the bot (WeCom's app chat, the sandbox's DM).
   */
  readonly conversation?: string;
};

/** A form the platform showed (a Slack modal) sent back: its values by field id, and what the form carried. */
export type SubmitEvent = {
  readonly type: 'submit';
  readonly eventId: string;
  readonly user: PlatformUser;
  /** Routes the submission to a handler, as an action id routes a click. */
  readonly formId: string;
  /** What the form was opened with (e.g. the lead's id), as the handler put it there. */
  readonly meta: string;
  readonly values: Readonly<Record<string, string>>;
};

export type ChatEvent = ActionEvent | CommandEvent | TextEvent | SubmitEvent;

/** The key a conversation's drafts are kept under: the platform's conversation id, or `dm`. */
export const conversationOf = (event: { readonly conversation?: string }): string =>
  event.conversation ?? 'dm';

/**
 * Whether a command was typed in the member's 1:1 chat with the bot, not in a group: what must stay private (a
 * token's secret) is only handed out there. A group is known by its `conversation` (Slack, the sandbox) or, where
 * answers go to the 1:1 chat anyway, by `groupChat` (DingTalk); WeCom's app chat is always 1:1.
 */
export const isDirectMessage = (event: Pick<CommandEvent, 'conversation' | 'groupChat'>): boolean =>
  event.conversation === undefined && event.groupChat !== true;
