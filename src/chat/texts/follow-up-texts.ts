import type { RequiredFollowUpField } from '../../core/follow-ups/index.js';
import type { FollowUpChannel } from '../../core/leads/index.js';
import type { WallTime } from '../../core/shared/zoned-time.js';

/** Entering a follow-up in chat: the receipt, the guided exchange's questions, the card's prompt and the form. */
export type FollowUpTexts = {
  readonly channels: Readonly<Record<FollowUpChannel, string>>;
  /** "12月3日 周四 10:00" / "Thu 3 Dec 10:00": the wall time in the org's zone. */
  readonly when: (wall: WallTime) => string;
  readonly nextContact: (when: string) => string;
  /** "已记录：电话 · 约到试用 · 下次联系 12月3日 周四 10:00": what was understood, so a misreading is seen. */
  readonly recorded: (parts: readonly string[]) => string;
  readonly ask: Readonly<Record<RequiredFollowUpField, string>>;
  /** An answer that did not give what was asked: asked again. */
  readonly notUnderstood: Readonly<Record<RequiredFollowUpField, string>>;
  /** The card's 记录跟进 where no form opens: the grammar with a filled example, and the first question. */
  readonly prompt: (leadCode: string) => string;
  readonly button: string;
  readonly form: {
    readonly title: string;
    readonly submit: string;
    readonly channel: string;
    readonly outcome: string;
    readonly content: string;
    readonly nextStep: string;
    readonly nextContact: string;
    readonly nextContactHint: string;
    readonly required: string;
    readonly badTime: string;
    readonly unknownChoice: string;
  };
};

/** The generic draft's own words (chat/drafts): any kind of draft ends, expires or is cancelled the same way. */
export type DraftTexts = {
  readonly expired: string;
  readonly cancelled: string;
};
