import type { AfterSalesOrder } from '../../core/after-sales/after-sales-types.js';
import type { AfterSalesOrders } from '../../core/after-sales/ports.js';
import { defined } from '../../core/shared/defined.js';
import { customerId, memberId, orderId } from '../../core/shared/ids.js';
import type { OrderDoc } from '../models/order-model.js';
import type { Models } from '../models.js';
import { mustObjectId, toObjectId } from '../object-id.js';
import { type StaffRow, staffFromRow, staffStages } from './after-sales-staff.js';

/** The fields of an `orders` document after-sales reads (the customers domain owns the collection and its model). */
type OrderRow = Pick<
  OrderDoc,
  '_id' | 'number' | 'customerId' | 'items' | 'amount' | 'contractNo' | 'signedAt' | 'ownerId' | 'ownerName'
> & { customer?: { name?: string }[] };

function orderFromRow(row: OrderRow): AfterSalesOrder {
  return {
    id: orderId(row._id.toHexString()),
    number: row.number,
    customerId: customerId(row.customerId.toHexString()),
    customerName: row.customer?.[0]?.name ?? '',
    amount: row.amount,
    contractNo: row.contractNo,
    signedAt: row.signedAt,
    ...defined({
      items: row.items,
      ownerId: row.ownerId ? memberId(row.ownerId.toHexString()) : undefined,
      ownerName: row.ownerName,
    }),
  };
}

/**
 * A thin reader over the customers domain's `orders` collection (its Order model and indexes), with each order's customer name joined in
 * (`$lookup` on `customers`), so raising a complaint costs one command for its order. Reads only; the orders'
 * model, indexes ((org, number) unique, (org, customer, _id)) and writes are the customers domain's.
 */
export function mongoAfterSalesOrders(
  models: Pick<Models, 'Order' | 'Customer' | 'Member' | 'Task'>,
): AfterSalesOrders {
  const orders = models.Order.collection;
  const withCustomer = {
    $lookup: {
      from: models.Customer.collection.collectionName,
      localField: 'customerId',
      foreignField: '_id',
      as: 'customer',
    },
  };
  const read = async (match: Record<string, unknown>, limit: number) => {
    const rows = await orders
      .aggregate<OrderRow>([{ $match: match }, { $sort: { _id: -1 } }, { $limit: limit }, withCustomer])
      .toArray();
    return rows.map(orderFromRow);
  };
  return {
    async listByCustomer(org, customer) {
      const id = toObjectId(customer);
      // A customer's orders are few (one per won deal); 50 is more than a choice list can show.
      return id ? read({ orgId: mustObjectId(org), customerId: id }, 50) : [];
    },
    async findByNumber(org, number) {
      return (await read({ orgId: mustObjectId(org), number }, 1))[0];
    },
    async findWithStaff(org, number) {
      // One command for raising a complaint: the order with its customer, and (a second branch over the same
      // order) the org's members turned into the centre's staff with their open counts (after-sales-staff.ts).
      // No order, no rows: the members are joined only for an order that exists.
      const [row] = await orders
        .aggregate<{ order: OrderRow[]; staff: StaffRow[] }>([
          { $match: { orgId: mustObjectId(org), number } },
          { $limit: 1 },
          {
            $facet: {
              order: [withCustomer],
              staff: [
                {
                  $lookup: {
                    from: models.Member.collection.collectionName,
                    localField: 'orgId',
                    foreignField: 'orgId',
                    as: 'member',
                  },
                },
                { $unwind: '$member' },
                { $replaceRoot: { newRoot: '$member' } },
                ...staffStages(models),
              ],
            },
          },
        ])
        .toArray();
      const order = row?.order[0];
      return order ? { order: orderFromRow(order), staff: row.staff.map(staffFromRow) } : undefined;
    },
  };
}
