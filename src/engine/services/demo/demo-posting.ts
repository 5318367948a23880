import type { ApiInput } from '../../../shared/api';
import { documentTypeRule } from '../../../shared/documents/document-types';
import { formatScaled } from '../../../shared/numbers/decimal';
import { fenScale } from '../../../shared/numbers/scales';
import { callAs, waitsForApproval, type DemoEngine } from './demo-api';
import type { DemoBranch } from './demo-master-data';
import type { DemoModel } from './demo-model';
import type { PlannedDocument } from './demo-plan';

type DocumentInput = ApiInput<'documents.save'>['document'];

/**
 * Enters a planned document the way the branch works (DOMAIN.md §5): the clerk saves and submits it,
 * the manager approves it, each warehouse's keeper confirms their lines (a transfer is shipped, then
 * received; a stocktake's gain and loss documents are confirmed too), each step its own use case.
 */
export class DemoPoster {
  /** Plan sequence → document id, for returns naming their delivery's lines. */
  private readonly deliveries = new Map<number, number>();

  constructor(
    private readonly engine: DemoEngine,
    private readonly model: DemoModel,
    private readonly branch: DemoBranch,
  ) {}

  async post(planned: PlannedDocument): Promise<number> {
    const { engine, branch } = this;
    const document = await this.fromOrderWhenOrdered(planned, this.input(planned));
    const { id } = await callAs(engine, branch.clerk, 'documents.save', { id: null, document });
    await this.submitAndApprove(id);
    if (planned.type === 'stocktake') await this.confirmStocktakeResults(id);
    else if (documentTypeRule(planned.type).keeperConfirms) await this.confirm(id, planned);
    if (planned.type === 'sales_delivery') this.deliveries.set(planned.seq, id);
    return id;
  }

  /**
   * Submitted by the clerk and approved by the manager, who has read what the engine warned of (a
   * customer over the credit limit, an order beyond the available stock) and goes on, as branches do.
   */
  private async submitAndApprove(id: number): Promise<void> {
    const { engine, branch } = this;
    await callAs(engine, branch.clerk, 'documents.submit', { id, acknowledged: true });
    if (await waitsForApproval(engine, branch, id))
      await callAs(engine, branch.manager, 'documents.approve', { id, acknowledged: true });
  }

  /**
   * A quarter of the deliveries and a third of the receipts follow an order (DOMAIN.md §5): the order is
   * entered and approved first, and the document is generated from it (下推), lots added as picked.
   */
  private async fromOrderWhenOrdered(planned: PlannedDocument, input: DocumentInput): Promise<DocumentInput> {
    const orderType =
      planned.type === 'sales_delivery' && planned.seq % 4 === 0
        ? 'sales_order'
        : planned.type === 'purchase_receipt' && planned.seq % 3 === 0
          ? 'purchase_order'
          : null;
    if (orderType === null) return input;
    const { engine, branch } = this;
    const order = await callAs(engine, branch.clerk, 'documents.save', {
      id: null,
      document: {
        ...input,
        type: orderType,
        lines: input.lines.map((line) => ({ ...line, lot: '', productionDate: null })),
      },
    });
    await this.submitAndApprove(order.id);
    const draft = await callAs(engine, branch.clerk, 'documents.fromOrder', { id: order.id });
    return {
      ...draft,
      businessDate: planned.date,
      remark: input.remark || draft.remark,
      lines: draft.lines.map((line, index) => ({
        ...line,
        lot: input.lines[index]!.lot,
        productionDate: input.lines[index]!.productionDate,
        remark: input.lines[index]!.remark,
      })),
    };
  }

  private async confirm(id: number, planned: PlannedDocument): Promise<void> {
    const shipping = [...new Set(planned.lines.map((line) => line.warehouse))];
    for (const warehouse of shipping) await this.confirmAt(id, warehouse);
    if (planned.type !== 'transfer') return;
    const receiving = [...new Set(planned.lines.map((line) => line.toWarehouse!))];
    for (const warehouse of receiving) await this.confirmAt(id, warehouse);
  }

  private async confirmAt(documentId: number, warehouse: number): Promise<void> {
    await callAs(this.engine, this.branch.keepers[warehouse]!, 'warehouse.confirm', {
      documentId,
      warehouseId: this.branch.warehouseIds[warehouse]!,
    });
  }

  /** 盘盈入库 / 盘亏出库 made by the stocktake's approval, confirmed by the warehouse's keeper. */
  private async confirmStocktakeResults(stocktakeId: number): Promise<void> {
    const results = this.engine.db.$client
      .prepare(
        'SELECT DISTINCT d.id, l.warehouse_id FROM documents d JOIN document_lines l ON l.document_id = d.id ' +
          'WHERE d.source_document_id = ? ORDER BY d.id',
      )
      .all(stocktakeId) as { id: number; warehouse_id: number }[];
    for (const result of results) {
      const warehouse = this.branch.warehouseIds.indexOf(result.warehouse_id);
      await this.confirmAt(result.id, warehouse);
    }
  }

  private sourceLineId(source: { document: number; lineNo: number }): number {
    const row = this.engine.db.$client
      .prepare('SELECT id FROM document_lines WHERE document_id = ? AND line_no = ?')
      .get(this.deliveries.get(source.document)!, source.lineNo) as { id: number };
    return row.id;
  }

  private input(planned: PlannedDocument): DocumentInput {
    const { model, branch } = this;
    const customer = planned.customer === null ? null : model.customers[planned.customer]!;
    const office = customer === null ? null : branch.offices[customer.office]!;
    return {
      type: planned.type,
      businessDate: planned.date,
      counterpartyId:
        planned.supplier !== null
          ? branch.supplierIds[planned.supplier]!
          : planned.customer !== null
            ? branch.customerIds[planned.customer]!
            : null,
      officeId: office?.id ?? null,
      handlerId: office && customer ? office.salespeople[customer.salesperson]! : null,
      warehouseId: branch.warehouseIds[planned.warehouse]!,
      toWarehouseId: planned.toWarehouse === null ? null : branch.warehouseIds[planned.toWarehouse]!,
      remark: planned.remark,
      lines: planned.lines.map((line) => ({
        goodsId: branch.goodsIds[line.goods]!,
        unitName: line.unit === 'box' ? '箱' : model.goods[line.goods]!.baseUnit,
        quantity: String(line.quantity),
        unitPrice: line.priceFen === null ? null : formatScaled(line.priceFen, fenScale, 2),
        warehouseId: branch.warehouseIds[line.warehouse]!,
        toWarehouseId: line.toWarehouse === null ? null : branch.warehouseIds[line.toWarehouse]!,
        lot: line.lot,
        productionDate: line.productionDate,
        isGift: line.gift,
        remark: line.remark,
        sourceLineId: line.source === null ? null : this.sourceLineId(line.source),
      })),
    };
  }
}
