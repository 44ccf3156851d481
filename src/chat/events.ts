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
};

export type ChatEvent = ActionEvent | CommandEvent;
