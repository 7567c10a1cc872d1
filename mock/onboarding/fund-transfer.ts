import { randomBytes } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import {
  fenToYuanString,
  yuanStringToFen,
  type UniTransferRequest,
  type UniTransferResponse,
} from '../../services/contracts/onboarding';
import { ApiError, conflict } from '../http/api-error';

/**
 * Where a fault strikes a transfer: before Alipay commits it (nothing happened), or after it committed with
 * the answer lost on the way back (the money moved, the caller does not know).
 */
export type TransferFault = 'before_commit' | 'after_commit';

/** Decides whether (and where) a transfer attempt fails; the payout bench injects faults through it. */
export type TransferFaultPlan = (request: UniTransferRequest) => TransferFault | null;

export class TransferUnavailableError extends ApiError {
  constructor(readonly fault: TransferFault) {
    super(503, 'unavailable', '支付宝转账暂时没有结果，请稍后重试（同一笔不会重复打款）');
  }
}

/**
 * The Alipay side of alipay.fund.trans.uni.transfer: one order per `out_biz_no`. Repeating a request with
 * the same `out_biz_no` answers the order already made instead of paying again; the same `out_biz_no` with a
 * different amount or payee is refused, as Alipay does.
 */
export class FundTransferGateway {
  faultPlan: TransferFaultPlan = () => null;

  constructor(
    private readonly db: Database,
    private readonly now: () => number,
  ) {}

  uniTransfer(request: UniTransferRequest): UniTransferResponse {
    const amountFen = yuanStringToFen(request.trans_amount);
    if (amountFen === undefined || amountFen <= 0 || fenToYuanString(amountFen) !== request.trans_amount) {
      throw new ApiError(400, 'invalid_input', '转账金额格式不正确', [
        { path: 'trans_amount', message: '金额应为两位小数的元' },
      ]);
    }
    const fault = this.faultPlan(request);
    if (fault === 'before_commit') throw new TransferUnavailableError(fault);
    const order = this.db.transaction(() => {
      const existing = this.db
        .prepare('SELECT order_id, amount_fen, payee_user_id, created_at FROM fund_transfers WHERE out_biz_no = ?')
        .get(request.out_biz_no) as
        { order_id: string; amount_fen: number; payee_user_id: string; created_at: number } | undefined;
      if (existing) {
        if (existing.amount_fen !== amountFen || existing.payee_user_id !== request.payee_info.identity) {
          throw conflict('商户订单号已用于另一笔不同的转账');
        }
        return { orderId: existing.order_id, at: existing.created_at };
      }
      const at = this.now();
      const orderId = `2026${randomBytes(12).toString('hex')}`;
      this.db
        .prepare(
          'INSERT INTO fund_transfers (out_biz_no, order_id, amount_fen, payee_user_id, created_at) VALUES (?, ?, ?, ?, ?)',
        )
        .run(request.out_biz_no, orderId, amountFen, request.payee_info.identity, at);
      return { orderId, at };
    })();
    if (fault === 'after_commit') throw new TransferUnavailableError(fault);
    return {
      out_biz_no: request.out_biz_no,
      order_id: order.orderId,
      status: 'SUCCESS',
      trans_date: new Date(order.at).toISOString(),
    };
  }
}
