import type { ClientCertificateProblem, Refusal, RefusalCode } from '../../../shared/upload/wire';
import type { HeadOfficeResponse, TransportError } from './head-office-client';

/**
 * A failed attempt as the branch keeps and shows it (UPLOAD.md "Failures"): whether it is retried on its
 * own, and in plain Chinese what happened and what to do. 5xx, 429 and network failures are retried with
 * backoff; 401/403/409/415/422/426 never blindly — the package is kept and the person told.
 */
export interface UploadFailure {
  /** A refusal code of head office's, an HTTP status as `http_<n>`, or a transport code (ECONNREFUSED…). */
  code: string;
  status: number | null;
  retry: boolean;
  message: string;
  action: string;
  at: string;
  /** Head office's answer as it gave it (its own message), for whoever supports the branch. */
  detail?: string | undefined;
}

const refusalTexts: Partial<Record<RefusalCode, { message: string; action: string }>> = {
  bad_signature: {
    message: '总部拒绝了签名：本机保存的上传密钥与总部登记的不一致。',
    action: '请向总部索取本机构的上传密钥，在“上传设置”中重新填写。',
  },
  unknown_branch: {
    message: '总部没有登记本机构的编码。',
    action: '请总部先登记本机构（npm run hq -- branch add 机构编码），再把给出的密钥填入上传设置。',
  },
  clock_skew: {
    message: '本机时钟与总部相差超过 15 分钟，总部拒绝了请求。',
    action: '已按总部时间自动校正并重签；若反复出现，请校正本机的日期和时间。',
  },
  branch_disabled: {
    message: '总部已停用本机构的上传。',
    action: '请联系总部信息部门恢复后再上传；数据保留在本机，不会丢失。',
  },
  seq_gap: {
    message: '总部收到的上传包序号与本机不衔接。',
    action: '本机已重新对账；若仍出现，请把“导出上传包”的文件交总部导入，或联系总部。',
  },
  epoch_behind: {
    message: '总部已有本机构更新的数据批次（可能另一台电脑在用同一机构编码上传）。',
    action: '请确认只有这一台电脑以本机构编码上传，然后点“重新上传”。',
  },
  epoch_not_snapshot: {
    message: '总部要求新批次从完整快照开始。',
    action: '请点“重新上传”，本机会生成完整快照。',
  },
  chain_broken: {
    message: '上传包的前后校验链与总部不符。',
    action: '本机会以新批次上传完整快照；请点“重新上传”。',
  },
  digest_mismatch: {
    message: '上传包在传输中损坏（摘要不符）。',
    action: '会自动重试；若反复出现，请检查网络设备。',
  },
  key_reused: {
    message: '总部已用同一包编号收到过内容不同的上传包。',
    action: '请联系总部核对；本机数据保留不动。',
  },
  control_totals: {
    message: '总部核对控制合计不符，拒收了上传包。',
    action: '请联系总部；本机会保留该包，可“导出上传包”交总部检查。',
  },
  malformed: {
    message: '总部无法读取上传包。',
    action: '请确认本机软件与总部接收程序的版本配套，或联系总部。',
  },
  too_large: {
    message: '上传包超过总部允许的大小。',
    action: '本机会按期间拆分后继续上传。',
  },
  unsupported_encoding: {
    message: '总部不接受本机的上传包格式（压缩方式）。',
    action: '请升级本机软件或总部接收程序，使两者版本配套。',
  },
  unsupported_format: {
    message: '总部不接受本机的上传包格式版本。',
    action: '请升级本机软件或总部接收程序，使两者版本配套。',
  },
  busy: { message: '总部暂时繁忙。', action: '会自动重试。' },
};

const transportTexts: Record<string, { message: string; action: string }> = {
  ECONNREFUSED: {
    message: '连不上总部：对方没有在该地址和端口接收。',
    action: '会自动重试；请确认总部地址正确、总部接收程序在运行。',
  },
  ENOTFOUND: { message: '找不到总部的服务器名称。', action: '请检查上传设置中的总部地址，以及本机的网络。' },
  EAI_AGAIN: { message: '暂时无法解析总部的服务器名称（网络不通）。', action: '网络恢复后会自动重试。' },
  ECONNRESET: { message: '与总部的连接中途断开。', action: '会自动重试，已发送的内容不会重复入账。' },
  EPIPE: { message: '与总部的连接中途断开。', action: '会自动重试，已发送的内容不会重复入账。' },
  TIMEOUT: { message: '总部长时间没有回应。', action: '会自动重试；网络很慢时上传会更久，但不会重复入账。' },
  PIN_MISMATCH: {
    message: '总部服务器的证书与设置中固定的指纹不符，已停止发送（可能连到了冒充的服务器）。',
    action: '请与总部核对证书指纹，确认无误后在上传设置中更新。',
  },
  CERT_HAS_EXPIRED: { message: '总部服务器的证书已过期，已停止发送。', action: '请联系总部更新证书。' },
  DEPTH_ZERO_SELF_SIGNED_CERT: {
    message: '总部服务器使用自签名证书，本机无法验证。',
    action: '请在上传设置中填写总部给的证书指纹（SPKI sha256）或 CA 证书。',
  },
  SELF_SIGNED_CERT_IN_CHAIN: {
    message: '总部服务器的证书不是本机信任的机构签发的。',
    action: '请在上传设置中填写总部的 CA 证书或证书指纹。',
  },
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: {
    message: '总部服务器的证书不是本机信任的机构签发的。',
    action: '请在上传设置中填写总部的 CA 证书或证书指纹。',
  },
  ERR_TLS_CERT_ALTNAME_INVALID: {
    message: '总部服务器证书上的名称与总部地址不符。',
    action: '请核对上传设置中的总部地址。',
  },
};

/** What head office said is wrong with the branch's client certificate (mTLS). */
const clientCertificateTexts: Record<ClientCertificateProblem, { message: string; action: string }> = {
  missing: {
    message: '总部要求出示本机构的客户端证书，本机没有设置。',
    action: '请向总部索取本机构的客户端证书和私钥，在“上传设置”中填写。',
  },
  revoked: {
    message: '本机构的客户端证书已被总部吊销。',
    action: '请向总部索取新的客户端证书和私钥，在“上传设置”中更新；数据保留在本机，不会丢失。',
  },
  expired: {
    message: '本机构的客户端证书已过期。',
    action: '请向总部索取新的客户端证书和私钥，在“上传设置”中更新。',
  },
  untrusted: {
    message: '本机的客户端证书不是总部签发的。',
    action: '请核对“上传设置”中的客户端证书，应使用总部给本机构签发的那一份。',
  },
  other_branch: {
    message: '本机的客户端证书属于另一个机构。',
    action: '请在“上传设置”中换成总部给本机构签发的客户端证书。',
  },
};

/** Certificate problems are the person's to settle: retrying changes nothing. */
const certificateCodes = new Set([
  'PIN_MISMATCH',
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'CERT_NOT_YET_VALID',
  'CERT_REVOKED',
]);

export function transportFailure(error: TransportError, at: string): UploadFailure {
  const text = transportTexts[error.code] ?? {
    message: `无法与总部通信（${error.code}）。`,
    action: certificateCodes.has(error.code) ? '请检查证书设置。' : '会自动重试。',
  };
  return {
    code: error.code,
    status: null,
    retry: !certificateCodes.has(error.code),
    ...text,
    at,
    detail: error.message,
  };
}

export function parseRefusal(body: string): Refusal | null {
  try {
    const parsed = JSON.parse(body) as Partial<Refusal>;
    return typeof parsed.error === 'string' ? (parsed as Refusal) : null;
  } catch {
    return null;
  }
}

/** An HTTP answer other than 2xx, explained. */
export function responseFailure(response: HeadOfficeResponse, at: string): UploadFailure {
  const refusal = parseRefusal(response.body);
  const status = response.status;
  const retry =
    status >= 500 || status === 429 || refusal?.error === 'digest_mismatch' || refusal?.error === 'too_large';
  const known =
    refusal?.error === 'client_certificate' && refusal.certificate
      ? clientCertificateTexts[refusal.certificate]
      : refusal
        ? refusalTexts[refusal.error]
        : undefined;
  const text =
    known ??
    (status >= 500 || status === 429
      ? { message: `总部暂时无法接收（HTTP ${status}）。`, action: '会自动重试。' }
      : status === 401 || status === 403
        ? {
            message: `总部拒绝了本机构的身份（HTTP ${status}）。`,
            action: '请核对上传设置中的机构密钥和客户端证书。',
          }
        : status === 426
          ? { message: '总部要求升级本机软件后再上传。', action: '请升级本机软件。' }
          : { message: `总部拒收（HTTP ${status}）。`, action: '请联系总部；数据保留在本机，不会丢失。' });
  return {
    code: refusal?.error ?? `http_${status}`,
    status,
    retry,
    ...text,
    at,
    detail: refusal?.message ?? response.body.slice(0, 300),
  };
}
