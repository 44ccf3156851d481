import type { ComplaintErrorCode } from '../../core/after-sales/index.js';
import type { ErrorDetails } from '../../core/shared/errors.js';
import type { ComplaintChatTexts } from './complaint-chat-texts-zh-cn.js';

const pad = (n: number) => String(n).padStart(2, '0');
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const month = (m: number) => MONTHS[m - 1] ?? String(m);

export const complaintErrorsEn: Readonly<Record<ComplaintErrorCode, (d: ErrorDetails) => string>> = {
  COMPLAINT_ASSIGN_NOT_MANAGER: () =>
    'Only after-sales managers assign complaints. Please ask an after-sales manager.',
  COMPLAINT_CUSTOMER_NOT_FOUND: (d) =>
    `No customer “${String(d.customer ?? '')}” was found; please check the name.`,
};

export const complaintChatTextsEn: ComplaintChatTexts = {
  ask: {
    customer: 'Which customer is complaining? Reply with the customer’s name.',
    description: 'Please describe the customer’s problem.',
    order: (customer, choices) =>
      `Which of ${customer}’s orders? Reply with its number in the list or the order number:\n${choices}`,
    whichCustomer: (typed, choices) =>
      `Several customers’ names contain “${typed}”. Which one? Reply with its number:\n${choices}`,
  },
  wrongOrder: (typed, customer, choices) =>
    `Order ${typed} is not one of ${customer}’s orders. Reply with a number to choose one of theirs:\n${choices}`,
  pickOrder: (customer) => `Which of ${customer}’s orders? Choose it below.`,
  wrongOrderPick: (typed, customer) =>
    `Order ${typed} is not one of ${customer}’s orders. Choose one of theirs below.`,
  customerNotFound: (typed) =>
    `No customer “${typed}” was found. Reply with the customer’s name again (or “cancel”).`,
  pickOne: (count) => `Please reply with a number from 1 to ${count} (or “cancel”).`,
  choice: (i, o) =>
    [`${i}. ${o.number}`, o.items, `signed ${month(o.signedOn.month)} ${o.signedOn.day}, ${o.signedOn.year}`]
      .filter(Boolean)
      .join(' · '),
  customerChoice: (i, name) => `${i}. ${name}`,
  raised: (code, customer, order, priority) =>
    `Complaint ${code} recorded: ${customer} · order ${order} · ${priority}. The after-sales managers were told.`,
  uncategorized: 'Uncategorized',
  chooseOrder: 'Choose one of the customer’s orders',
  card: {
    assignButton: (name, n) => `${name} · ${n} open`,
    within: (hours) => `to be done within ${hours} h`,
    dueBy: (w) => `due by ${month(w.month)} ${w.day}, ${pad(w.hour)}:${pad(w.minute)}`,
    signedOn: (w) => `${month(w.month)} ${w.day}, ${w.year}`,
    assigned: (assignee, task, due) =>
      [`Assigned to ${assignee}`, task ? `task ${task}` : undefined, due].filter(Boolean).join(' · '),
    requiredBy: 'Required',
  },
  assignedReply: (assignee, task) => `Assigned to ${assignee}; task ${task} was sent to them.`,
  form: {
    title: 'Record a complaint',
    submit: 'Submit',
    customer: 'Customer',
    customerHint: 'The customer’s name, e.g. Acme',
    orderNumber: 'Order number',
    priority: 'Priority',
    category: 'Category',
    description: 'What is wrong',
    required: 'Please fill this in.',
    unknownChoice: 'Please choose from the list.',
    ambiguousCustomer: (names) => `Several customers match: ${names.join(', ')}. Please give the full name.`,
    wrongOrder: (numbers) =>
      numbers.length > 0
        ? `Not one of this customer’s orders. Theirs: ${numbers.join(', ')}`
        : 'Not one of this customer’s orders.',
  },
};
