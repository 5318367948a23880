/** Stock reports (DOMAIN.md §6): 库存余额, 商品明细账, 进销存汇总, 在途, 库存预警, 批次 / 保质期. */
export const reportMethods = {};
