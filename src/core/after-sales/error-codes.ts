/** Rule failures of after-sales: complaints, their tasks and the hours. */
export type AfterSalesErrorCode =
  | 'COMPLAINT_NOT_FOUND'
  /** No customer with that id has orders (every customer has the order of its won deal). */
  | 'COMPLAINT_CUSTOMER_UNKNOWN'
  /** The order is unknown or another customer's; details.choices lists the customer's own (number, items, signedAt). */
  | 'COMPLAINT_ORDER_NOT_OF_CUSTOMER'
  /** Someone assigned it first; details.assigneeName and details.assignedByName say who. */
  | 'COMPLAINT_ALREADY_ASSIGNED'
  /** Its status does not allow this change (details.status). */
  | 'COMPLAINT_STATUS_CONFLICT'
  /** The member cannot take tasks (not after-sales, inactive); details.memberId. */
  | 'ASSIGNEE_NOT_AFTER_SALES'
  | 'TASK_NOT_FOUND'
  /** Only the assignee works on a task (details.assigneeName). */
  | 'TASK_NOT_YOURS'
  /** The task's status does not allow this step (details.status, details.step). */
  | 'TASK_STATUS_CONFLICT'
  /** Another manager decided first (details.decidedByName). */
  | 'TASK_ALREADY_DECIDED';

declare module '../shared/errors.js' {
  interface DomainErrorCodes extends Record<AfterSalesErrorCode, true> {}
}
