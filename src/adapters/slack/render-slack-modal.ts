import type { Form, FormField } from '../../chat/card.js';
import type { SlackBlock } from './render-slack-card.js';

// The chat model's Form as a Slack modal view. Each field is an input block whose block_id and action_id are the
// field's id, so a view_submission's state.values and a response_action: errors both name fields by their ids.
// https://docs.slack.dev/reference/views/modal-views , https://docs.slack.dev/reference/block-kit/blocks/input-block

/** Slack's limits on a modal's title and button texts. */
const TITLE_MAX = 24;

const plain = (text: string, max = 3000) => ({ type: 'plain_text' as const, text: text.slice(0, max) });

export type SlackModalView = {
  readonly type: 'modal';
  readonly callback_id: string;
  readonly private_metadata: string;
  readonly title: ReturnType<typeof plain>;
  readonly submit: ReturnType<typeof plain>;
  readonly close?: ReturnType<typeof plain>;
  readonly blocks: readonly SlackBlock[];
};

export function toSlackModal(form: Form, closeLabel?: string): SlackModalView {
  return {
    type: 'modal',
    callback_id: form.id,
    private_metadata: form.meta,
    title: plain(form.title, TITLE_MAX),
    submit: plain(form.submitLabel, TITLE_MAX),
    ...(closeLabel ? { close: plain(closeLabel, TITLE_MAX) } : {}),
    blocks: form.fields.map(inputBlock),
  };
}

function inputBlock(field: FormField): SlackBlock {
  return {
    type: 'input',
    block_id: field.id,
    label: plain(field.label, 2000),
    optional: field.optional === true,
    element: field.kind === 'select' ? selectElement(field) : textElement(field),
  };
}

// https://docs.slack.dev/reference/block-kit/block-elements/select-menu-element#static_select
function selectElement(field: Extract<FormField, { kind: 'select' }>) {
  const options = field.options.map((o) => ({ text: plain(o.label, 75), value: o.value }));
  const initial = options.find((o) => o.value === field.initial);
  return {
    type: 'static_select' as const,
    action_id: field.id,
    options,
    ...(initial ? { initial_option: initial } : {}),
  };
}

// https://docs.slack.dev/reference/block-kit/block-elements/plain-text-input-element
function textElement(field: Extract<FormField, { kind: 'text' }>) {
  return {
    type: 'plain_text_input' as const,
    action_id: field.id,
    multiline: field.multiline === true,
    ...(field.placeholder ? { placeholder: plain(field.placeholder, 150) } : {}),
    ...(field.initial ? { initial_value: field.initial } : {}),
  };
}
