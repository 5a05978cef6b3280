package com.admissiongate.apk.signing;

import com.android.apksig.apk.ApkFormatException;
import com.android.apksig.apk.ApkUtils;
import com.android.apksig.internal.apk.v1.V1SchemeVerifier;
import com.android.apksig.internal.zip.CentralDirectoryRecord;
import com.android.apksig.internal.zip.LocalFileRecord;
import com.android.apksig.util.DataSource;
import com.android.apksig.zip.ZipFormatException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;

/**
 * Reads the digest and signature algorithms of v1 (JAR) signature blocks. apksig's public result
 * does not expose them, and they decide whether a v1 signature rests on MD5 or SHA-1.
 * Uses apksig's internal ZIP readers (pinned apksig version) so entries are located exactly as the
 * verifier located them, including on archives java.util.zip would reject.
 */
final class JarSignatureAlgorithmReader {

    // Signature block files are a few kB; anything far bigger is not worth parsing here.
    private static final long MAX_BLOCK_SIZE = 4L << 20;

    private static final Map<String, String> DIGESTS = Map.of(
            "1.2.840.113549.2.5", "MD5",
            "1.3.14.3.2.26", "SHA1",
            "2.16.840.1.101.3.4.2.4", "SHA224",
            "2.16.840.1.101.3.4.2.1", "SHA256",
            "2.16.840.1.101.3.4.2.2", "SHA384",
            "2.16.840.1.101.3.4.2.3", "SHA512");

    private JarSignatureAlgorithmReader() {
        // Hidden constructor
    }

    /** Signature block file name → algorithm names ("SHA1withRSA"), in SignerInfo order. */
    static Map<String, List<String>> read(DataSource apk, ApkUtils.ZipSections sections,
                                          Collection<String> blockNames)
            throws IOException, ApkFormatException, ZipFormatException, CMSException {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (blockNames.isEmpty()) {
            return out;
        }
        List<CentralDirectoryRecord> records = V1SchemeVerifier.parseZipCentralDirectory(apk, sections);
        for (CentralDirectoryRecord record : records) {
            String name = record.getName();
            if (!blockNames.contains(name) || out.containsKey(name)) {
                continue;
            }
            if (record.getUncompressedSize() > MAX_BLOCK_SIZE) {
                throw new ApkFormatException(name + " declares " + record.getUncompressedSize()
                        + " bytes, limit " + MAX_BLOCK_SIZE);
            }
            byte[] block = LocalFileRecord.getUncompressedData(apk, record, sections.getZipCentralDirectoryOffset());
            List<String> algorithms = new ArrayList<>();
            for (SignerInformation signer : new CMSSignedData(block).getSignerInfos().getSigners()) {
                algorithms.add(name(signer.getDigestAlgOID(), signer.getEncryptionAlgOID()));
            }
            out.put(name, algorithms);
        }
        return out;
    }

    static String name(String digestOid, String encryptionOid) {
        String digest = DIGESTS.getOrDefault(digestOid, digestOid);
        return digest + "with" + keyAlgorithm(encryptionOid);
    }

    private static String keyAlgorithm(String oid) {
        // PKCS#7 puts either the bare key algorithm or a combined signature algorithm here.
        if (oid.startsWith("1.2.840.113549.1.1.")) {
            return "RSA";
        }
        if (oid.equals("1.2.840.10040.4.1") || oid.equals("1.2.840.10040.4.3")
                || oid.startsWith("2.16.840.1.101.3.4.3.")) {
            return "DSA";
        }
        if (oid.equals("1.2.840.10045.2.1") || oid.startsWith("1.2.840.10045.4.")) {
            return "ECDSA";
        }
        return oid;
    }
}
