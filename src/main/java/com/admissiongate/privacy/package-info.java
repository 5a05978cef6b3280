/**
 * Privacy-policy reading: bounded HTML/text/PDF extraction ({@link com.admissiongate.privacy.PolicyDocumentReader}),
 * the declared-facts parser ({@link com.admissiongate.privacy.PrivacyPolicyParser}), app-text signals
 * ({@link com.admissiongate.privacy.AppTextScanner}) and guarded fetching
 * ({@link com.admissiongate.privacy.PolicySource}). Plain Java: no framework imports, so the offline CLI runs the
 * same code as the service. Design and figures: docs/privacy-policy.md.
 */
package com.admissiongate.privacy;
