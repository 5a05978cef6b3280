package com.admissiongate.apk.signing;

import java.util.ArrayList;
import java.util.List;

/**
 * Pulls the digest and signature algorithm OIDs out of a DER PKCS#7 SignedData without decoding
 * the embedded certificates. A full ASN.1 parse of every JAR signature block costs about as much
 * as the rest of this package's post-processing together; only two OIDs per signer are needed.
 * Any structure it does not expect (BER, high tag numbers, overruns) raises
 * IllegalArgumentException so the caller can fall back to a full parser.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2315#section-9.1">RFC 2315 SignedData</a>
 */
final class SignerInfoAlgorithmReader {

    private static final int SEQUENCE = 0x30;
    private static final int SET = 0x31;
    private static final int OID = 0x06;
    private static final int CONTEXT_0 = 0xa0;

    /** One DER element: tag and the [start, end) range of its contents. */
    private record Element(int tag, int start, int end) {
    }

    private SignerInfoAlgorithmReader() {
        // Hidden constructor
    }

    /** JCA-style names ("SHA256withRSA") of every SignerInfo, in order. */
    static List<String> read(byte[] der) {
        Element contentInfo = expect(der, 0, der.length, SEQUENCE);
        Element contentType = expect(der, contentInfo.start(), contentInfo.end(), OID);
        Element explicit = expect(der, contentType.end(), contentInfo.end(), CONTEXT_0);
        Element signedData = expect(der, explicit.start(), explicit.end(), SEQUENCE);
        // signerInfos is the last SET of SignedData (digestAlgorithms is an earlier one).
        Element signerInfos = null;
        for (int p = signedData.start(); p < signedData.end(); ) {
            Element e = element(der, p, signedData.end());
            if (e.tag() == SET) {
                signerInfos = e;
            }
            p = e.end();
        }
        if (signerInfos == null) {
            throw new IllegalArgumentException("SignedData without signerInfos");
        }
        List<String> out = new ArrayList<>();
        for (int p = signerInfos.start(); p < signerInfos.end(); ) {
            Element signerInfo = expect(der, p, signerInfos.end(), SEQUENCE);
            Element version = element(der, signerInfo.start(), signerInfo.end());
            Element sid = element(der, version.end(), signerInfo.end());
            Element digestAlgorithm = expect(der, sid.end(), signerInfo.end(), SEQUENCE);
            Element next = element(der, digestAlgorithm.end(), signerInfo.end());
            if (next.tag() == CONTEXT_0) {
                next = element(der, next.end(), signerInfo.end());
            }
            if (next.tag() != SEQUENCE) {
                throw new IllegalArgumentException("signatureAlgorithm tag 0x" + Integer.toHexString(next.tag()));
            }
            out.add(JarSignatureAlgorithmReader.name(
                    oid(der, expect(der, digestAlgorithm.start(), digestAlgorithm.end(), OID)),
                    oid(der, expect(der, next.start(), next.end(), OID))));
            p = signerInfo.end();
        }
        return out;
    }

    private static Element expect(byte[] b, int pos, int limit, int tag) {
        Element e = element(b, pos, limit);
        if (e.tag() != tag) {
            throw new IllegalArgumentException("expected tag 0x" + Integer.toHexString(tag) + " at " + pos
                    + ", found 0x" + Integer.toHexString(e.tag()));
        }
        return e;
    }

    private static Element element(byte[] b, int pos, int limit) {
        if (pos < 0 || limit > b.length || limit - pos < 2) {
            throw new IllegalArgumentException("element header at " + pos + " needs 2 bytes, limit " + limit);
        }
        int tag = b[pos] & 0xff;
        if ((tag & 0x1f) == 0x1f) {
            throw new IllegalArgumentException("high tag number at " + pos);
        }
        int first = b[pos + 1] & 0xff;
        int p = pos + 2;
        long length;
        if (first < 0x80) {
            length = first;
        } else {
            int n = first & 0x7f;
            if (n == 0 || n > 4 || p + n > limit) {
                throw new IllegalArgumentException("length of " + n + " bytes at " + pos + " (0 = indefinite, BER)");
            }
            length = 0;
            for (int i = 0; i < n; i++) {
                length = (length << 8) | (b[p++] & 0xff);
            }
        }
        if (p + length > limit) {
            throw new IllegalArgumentException("element at " + pos + " declares " + length + " bytes, "
                    + (limit - p) + " left");
        }
        return new Element(tag, p, (int) (p + length));
    }

    private static String oid(byte[] b, Element e) {
        if (e.end() == e.start()) {
            throw new IllegalArgumentException("empty OID at " + e.start());
        }
        StringBuilder sb = new StringBuilder();
        long value = 0;
        boolean first = true;
        for (int i = e.start(); i < e.end(); i++) {
            value = (value << 7) | (b[i] & 0x7f);
            if (value > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("OID arc too large at " + i);
            }
            if ((b[i] & 0x80) == 0) {
                if (first) {
                    int top = value < 80 ? (int) (value / 40) : 2;
                    sb.append(top).append('.').append(value - 40L * top);
                    first = false;
                } else {
                    sb.append('.').append(value);
                }
                value = 0;
            }
        }
        return sb.toString();
    }
}
