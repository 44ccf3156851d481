import type { ComplaintCustomers } from '../../../src/core/after-sales/index.js';
import { FakeComplaintRepository } from '../../core/fake-complaint-repository.js';
import { FakeAfterSalesOrders, FakeTaskRepository } from '../../core/fake-task-repository.js';

/** The after-sales deps the chat handlers take, empty, for tests of other handlers over the core fakes. */
export function complaintFakes() {
  let n = 0;
  const complaintCustomers: ComplaintCustomers = { match: async () => [] };
  return {
    complaints: new FakeComplaintRepository(),
    tasks: new FakeTaskRepository(),
    afterSalesOrders: new FakeAfterSalesOrders(),
    counters: {
      async reserve(_org: string, _name: string, count: number) {
        n += count;
        return n - count + 1;
      },
    },
    complaintCustomers,
  };
}
