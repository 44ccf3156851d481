import {
  changeStage,
  findStage,
  type StageChangeInput,
  type StageChangeResult,
  type StageDefinition,
  type StageDeps,
  stageName,
  stageOf,
} from '../../core/customers/index.js';
import { DomainError } from '../../core/shared/errors.js';
import type { CommandHandler, HandlerContext } from '../registry.js';
import { formatTime } from '../render/render-context.js';
import { showStage } from './show-stage.js';
import { parseSigningDate } from './signing-date.js';
import { parseStageWords, type StageWords } from './stage-command-grammar.js';
import { evidenceIssues, stageRefusal } from './stage-refusal.js';

/**
 * `/阶段 L-1042 报价 金额 50000 明细 "服务器2台 + 安装"` (`/stage`): parse → changeStage → the reply. A change lacking
 * its evidence is answered with what is missing and the command filled in as an example; `/阶段 L-1042` alone
 * shows the lead's stage, its history and where it may go.
 */
export function stageCommand(deps: StageDeps): CommandHandler {
  return async (ctx, event) => {
    const [ref, stageWord, ...words] = event.args;
    if (!ref) throw new DomainError('BAD_COMMAND_ARGS', { command: 'stage' });
    if (!stageWord) return showStage(deps, ctx, ref);
    const target = findStage(ctx.org, stageWord);
    const { timeZone } = ctx.org.settings;
    const readDate = (text: string) => parseSigningDate(text, deps.clock.now(), timeZone);
    const parsed = target ? parseStageWords(words, target, readDate) : { words: {}, rest: [] };
    if (parsed.rest.length > 0) throw new DomainError('BAD_COMMAND_ARGS', { command: 'stage' });
    let result: StageChangeResult;
    try {
      result = await changeStage(deps, ctx.caller, {
        leadId: ref,
        to: stageWord,
        ...evidenceOf(target, parsed.words),
      });
    } catch (error) {
      const issues = target ? evidenceIssues(error) : undefined;
      if (!issues || !target) throw error;
      return { replies: [stageRefusal(issues, ctx, { ref, stage: stageWord, target }, parsed.words)] };
    }
    return { replies: [{ text: changedText(ctx, result) }] };
  };
}

/** The words as changeStage's input: amounts are the deal's into 成交 and the quote's otherwise. */
function evidenceOf(
  target: StageDefinition | undefined,
  w: StageWords,
): Omit<StageChangeInput, 'leadId' | 'to'> {
  const won = target?.kind === 'won';
  const quote = {
    ...(w.amount !== undefined && !won ? { amount: w.amount } : {}),
    ...(w.items !== undefined ? { items: w.items } : {}),
  };
  const deal = {
    ...(w.contractNo !== undefined ? { contractNo: w.contractNo } : {}),
    ...(w.amount !== undefined && won ? { amount: w.amount } : {}),
    ...(w.signedAt ? { signedAt: w.signedAt } : {}),
  };
  const loss = {
    ...(w.reason !== undefined ? { reason: w.reason } : {}),
    ...(w.note !== undefined ? { note: w.note } : {}),
  };
  const some = (o: object) => Object.keys(o).length > 0;
  return {
    ...(some(quote) ? { quote } : {}),
    ...(some(deal) ? { deal } : {}),
    ...(some(loss) ? { loss } : {}),
  };
}

/** "已把 L-1042 从「沟通」推进到「报价」。" and what the entry action did: the reminder, the order, the pool date. */
function changedText(ctx: HandlerContext, result: StageChangeResult): string {
  const t = ctx.texts.stage;
  const { lead } = result;
  const code = lead.code ?? lead.id;
  const now = stageName(ctx.org, lead.stage?.key);
  const from = lead.history.at(-1)?.stage?.from;
  const time = (at: Date) =>
    formatTime(at.toISOString(), { locale: ctx.locale, timeZone: ctx.org.settings.timeZone });
  const lines = [result.changed ? t.changed(code, stageName(ctx.org, from), now) : t.unchanged(code, now)];
  const quoted = stageOf(ctx.org, lead.stage?.key).kind === 'quote';
  if (result.changed && quoted && lead.plan?.nextContactAt)
    lines.push(t.quoteReminder(time(lead.plan.nextContactAt)));
  if (result.customer && result.order) lines.push(t.won(result.customer.name, result.order.number));
  if (result.changed && lead.plan?.poolAt) lines.push(t.lostPool(time(lead.plan.poolAt)));
  return lines.join('\n');
}
