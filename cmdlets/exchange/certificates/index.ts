// The certificate cmdlets as one group for cmdlets/registry.ts: the ExchangeCertificate cmdlets, the
// PKI cmdlets for trusted roots and CRLs, and the lab certificate authority.
import type { Cmdlet } from '../../../src/pipeline/cmdlet.ts';
import { certificateAuthorityCmdlets } from '../../lab/certificate-authority.ts';
import { enableExchangeCertificateCmdlet } from './enable-exchange-certificate.ts';
import { exportExchangeCertificateCmdlet, getExchangeCertificateCmdlet, removeExchangeCertificateCmdlet } from './get-remove-export.ts';
import { importExchangeCertificateCmdlet } from './import-exchange-certificate.ts';
import { newExchangeCertificateCmdlet } from './new-exchange-certificate.ts';
import { getTrustedRootCertificateCmdlet, importCertificateCmdlet, importCrlCmdlet } from './trusted-roots.ts';

export const certificateCmdlets: Cmdlet[] = [
  newExchangeCertificateCmdlet,
  importExchangeCertificateCmdlet,
  enableExchangeCertificateCmdlet,
  getExchangeCertificateCmdlet,
  exportExchangeCertificateCmdlet,
  removeExchangeCertificateCmdlet,
  importCertificateCmdlet,
  getTrustedRootCertificateCmdlet,
  importCrlCmdlet,
  ...certificateAuthorityCmdlets,
];
