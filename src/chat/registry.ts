import { randomUUID } from 'node:crypto';
import { type Caller, guestCaller, managedTeamIdsOf, memberCaller, withOrigin } from '../core/org/caller.js';
import type { MemberRepository, OrgRepository, TeamRepository } from '../core/org/ports.js';
import { type Locale, localeOf, type Member, type Org } from '../core/org/types.js';
import { DomainError, isDomainError } from '../core/shared/errors.js';
import type { Form, OutboundMessage } from './card.js';
import type { ActionEvent, ChatEvent, CommandEvent, SubmitEvent, TextEvent } from './events.js';
import type { Catalogue, CommandName } from './texts/catalogue.js';
import { textsFor } from './texts/texts-for.js';

/** What a handler gets: the caller (org, acting member, roles), resolved once, and the texts in their language. */
export type HandlerContext = {
  readonly org: Org;
  readonly member: Member;
  /** What every use-case is handed: built here once per event. */
  readonly caller: Caller;
  readonly locale: Locale;
  readonly texts: Catalogue;
};

export type HandlerResult = {
  readonly replies: readonly OutboundMessage[];
  /** A form for the platform to open (only asked for when the event carries a `formTrigger`). */
  readonly form?: Form;
  /** A submitted form refused: what is wrong, by field id, for the platform to show beside each field. */
  readonly fieldErrors?: Readonly<Record<string, string>>;
};
export type ActionHandler = (ctx: HandlerContext, event: ActionEvent) => Promise<HandlerResult>;
export type CommandHandler = (ctx: HandlerContext, event: CommandEvent) => Promise<HandlerResult>;
/** The one handler of plain text (the drafts'), which answers as an unknown command when nothing was asked. */
export type TextHandler = (ctx: HandlerContext, event: TextEvent) => Promise<HandlerResult>;
export type SubmitHandler = (ctx: HandlerContext, event: SubmitEvent) => Promise<HandlerResult>;
/** A command for chat users no member is linked to yet (only `/link`): it knows the org, not the member. */
export type UnlinkedCommandHandler = (
  ctx: Pick<HandlerContext, 'org' | 'locale' | 'texts' | 'caller'>,
  event: CommandEvent,
) => Promise<HandlerResult>;

/** `ok` is false when a rule refused the request; the replies then say why, in the member's language. */
export type DispatchResult = {
  readonly ok: boolean;
  readonly replies: readonly OutboundMessage[];
  /** Set by dispatchAndReply: a retry of an event that was handled (or is being handled). */
  readonly duplicate?: true;
  /** The handler failed with a bug, not a rule: the event may be handled again when the platform retries it. */
  readonly crashed?: true;
  readonly form?: Form;
  readonly fieldErrors?: Readonly<Record<string, string>>;
};

export type RegistryDeps = {
  readonly orgs: OrgRepository;
  readonly members: MemberRepository;
  /** For the teams a manager manages (`Team.managerId`), put on the caller once per event. */
  readonly teams: Pick<TeamRepository, 'list'>;
  readonly log: { error(obj: object, msg: string): void };
};

/**
 * The one place that routes clicks and commands to handlers, for every platform: adapters turn payloads into
 * ChatEvents and call `dispatch`; handlers never see a platform.
 */
export class Registry {
  private readonly actions = new Map<string, ActionHandler>();
  private readonly commands = new Map<CommandName, CommandHandler>();
  private readonly unlinked = new Map<CommandName, UnlinkedCommandHandler>();
  private readonly forms = new Map<string, SubmitHandler>();
  private text: TextHandler | undefined;

  constructor(private readonly deps: RegistryDeps) {}

  onAction(actionId: string, handler: ActionHandler): this {
    if (this.actions.has(actionId)) throw new Error(`action ${actionId} is registered twice`);
    this.actions.set(actionId, handler);
    return this;
  }

  onCommand(command: CommandName, handler: CommandHandler): this {
    if (this.commands.has(command)) throw new Error(`command ${command} is registered twice`);
    this.commands.set(command, handler);
    return this;
  }

  /** A command that also answers users not linked to a member (the way to get linked). */
  onUnlinkedCommand(command: CommandName, handler: UnlinkedCommandHandler): this {
    this.unlinked.set(command, handler);
    return this;
  }

  /** Plain text that is no command: one handler (the drafts'), since no command word says where it goes. */
  onText(handler: TextHandler): this {
    if (this.text) throw new Error('the text handler is registered twice');
    this.text = handler;
    return this;
  }

  onSubmit(formId: string, handler: SubmitHandler): this {
    if (this.forms.has(formId)) throw new Error(`form ${formId} is registered twice`);
    this.forms.set(formId, handler);
    return this;
  }

  async dispatch(event: ChatEvent): Promise<DispatchResult> {
    const org = await this.deps.orgs.findByWorkspace(event.user.platform, event.user.workspaceId);
    const member = org
      ? await this.deps.members.findByIdentity(org.id, event.user.platform, event.user.userId)
      : undefined;
    const locale: Locale = org ? localeOf(member, org) : 'zh-CN';
    const texts = textsFor(locale);
    try {
      const forUnlinked =
        event.type === 'command' ? this.unlinked.get(event.command as CommandName) : undefined;
      if (org && !member && forUnlinked && event.type === 'command') {
        const result = await forUnlinked({ org, locale, texts, caller: guestCaller(org, locale) }, event);
        return { ok: true, replies: result.replies };
      }
      if (!org || !member) throw new DomainError('IDENTITY_NOT_LINKED', { platform: event.user.platform });
      if (!member.active) throw new DomainError('MEMBER_INACTIVE', { memberId: member.id });
      // Only a manager's scope reads the teams they manage: nobody else pays for the lookup.
      const managed = member.roles.includes('manager')
        ? managedTeamIdsOf(await this.deps.teams.list(org.id), member)
        : [];
      const caller = withOrigin(memberCaller(org, member, locale, managed), {
        platform: event.user.platform,
      });
      const ctx: HandlerContext = { org, member, caller, locale, texts };
      const { replies, form, fieldErrors } = await this.route(ctx, event);
      return {
        ok: !fieldErrors,
        replies,
        ...(form ? { form } : {}),
        ...(fieldErrors ? { fieldErrors } : {}),
      };
    } catch (error) {
      if (isDomainError(error)) {
        return { ok: false, replies: [{ text: texts.errors[error.code](error.details) }] };
      }
      const reference = randomUUID().slice(0, 8);
      this.deps.log.error(
        {
          err: error,
          reference,
          platform: event.user.platform,
          eventId: event.eventId,
          memberId: member?.id,
        },
        'chat handler failed',
      );
      return { ok: false, crashed: true, replies: [{ text: texts.somethingWentWrong(reference) }] };
    }
  }

  private route(ctx: HandlerContext, event: ChatEvent): Promise<HandlerResult> {
    if (event.type === 'action') {
      const handler = this.actions.get(event.actionId);
      if (!handler) throw new DomainError('UNKNOWN_ACTION', { actionId: event.actionId });
      return handler(ctx, event);
    }
    if (event.type === 'submit') {
      const handler = this.forms.get(event.formId);
      if (!handler) throw new DomainError('UNKNOWN_ACTION', { actionId: event.formId });
      return handler(ctx, event);
    }
    if (event.type === 'text') {
      if (this.text) return this.text(ctx, event);
      throw new DomainError('UNKNOWN_COMMAND', { command: firstWord(event.text) });
    }
    const handler = this.commands.get(event.command as CommandName);
    if (!handler) throw new DomainError('UNKNOWN_COMMAND', { command: event.command });
    return handler(ctx, event);
  }
}

/** What an unknown-command answer names for plain text: its first word, as before there were text events. */
export function firstWord(text: string): string {
  return text.normalize('NFKC').trim().split(/\s+/u)[0]?.replace(/^\//u, '') ?? '';
}
