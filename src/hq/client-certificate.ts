import type { TLSSocket } from 'node:tls';
import type { ClientCertificateProblem } from '../shared/upload/wire';
import { HqRefusal } from './refusal';

/**
 * The branch certificate check when head office asks for client certificates (mTLS). TLS verifies the
 * chain and the CRL, but does not hang up on a bad certificate (`rejectUnauthorized: false`): a hang-up
 * looks like a broken network to the branch, which would retry it forever. Here the request is answered
 * 403 with what is wrong — revoked, expired, not ours, missing, another branch's — which the branch keeps
 * and shows, and never retries on its own. A good certificate names its branch in its CN, so a branch's
 * key cannot sign another branch's uploads.
 */
export function checkClientCertificate(socket: TLSSocket, branchCode: string): void {
  const peer = socket.getPeerCertificate();
  const presented = peer && Object.keys(peer).length > 0;
  if (!presented) throw refusal('missing', '总部要求分支出示客户端证书，本次请求没有出示');
  const name = String(peer.subject?.CN ?? '');
  if (!socket.authorized) {
    const reason = String(socket.authorizationError ?? '');
    if (reason === 'CERT_REVOKED') throw refusal('revoked', `分支证书（${name}）已被总部吊销`);
    if (reason === 'CERT_HAS_EXPIRED') throw refusal('expired', `分支证书（${name}）已过期`);
    throw refusal('untrusted', `分支证书不是总部签发的（${reason || '无法验证'}）`);
  }
  if (name !== branchCode)
    throw refusal('other_branch', `出示的证书属于分支 ${name}，不能以分支 ${branchCode} 的名义请求`);
}

function refusal(certificate: ClientCertificateProblem, message: string): HqRefusal {
  return new HqRefusal(403, { error: 'client_certificate', message, certificate });
}
