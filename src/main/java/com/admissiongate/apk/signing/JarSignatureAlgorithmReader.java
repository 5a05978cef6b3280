package com.admissiongate.apk.signing;

import com.android.apksig.apk.ApkFormatException;
import com.android.apksig.apk.ApkUtils;
import com.android.apksig.internal.zip.CentralDirectoryRecord;
import com.android.apksig.internal.zip.LocalFileRecord;
import com.android.apksig.util.DataSource;
import com.android.apksig.zip.ZipFormatException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.cms.SignerInfo;

/**
 * Reads the digest and signature algorithms of v1 (JAR) signature blocks. apksig's public result
 * does not expose them, and they decide whether a v1 signature rests on MD5 or SHA-1.
 * Reads entries with apksig's internal ZIP record classes (pinned apksig version), so data is
 * located exactly as the verifier located it, including on archives java.util.zip would reject.
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

    private static final int CD_SIGNATURE = 0x02014b50;
    private static final int CD_HEADER = 46;

    private JarSignatureAlgorithmReader() {
        // Hidden constructor
    }

    /** Signature block file name → algorithm names ("SHA1withRSA"), in SignerInfo order. */
    static Map<String, List<String>> read(DataSource apk, ApkUtils.ZipSections sections,
                                          Collection<String> blockNames)
            throws IOException, ApkFormatException, ZipFormatException {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (blockNames.isEmpty()) {
            return out;
        }
        for (CentralDirectoryRecord record : findRecords(apk, sections, blockNames)) {
            String name = record.getName();
            if (record.getUncompressedSize() > MAX_BLOCK_SIZE) {
                throw new ApkFormatException(name + " declares " + record.getUncompressedSize()
                        + " bytes, limit " + MAX_BLOCK_SIZE);
            }
            byte[] block = LocalFileRecord.getUncompressedData(apk, record, sections.getZipCentralDirectoryOffset());
            List<String> algorithms;
            try {
                algorithms = SignerInfoAlgorithmReader.read(block);
            } catch (IllegalArgumentException e) {
                // BER (indefinite lengths) or something odd: let BouncyCastle's full parser decide.
                algorithms = readWithBouncyCastle(block);
            }
            out.put(name, algorithms);
        }
        return out;
    }

    /**
     * Walks the central directory comparing raw name bytes; building every record (as apksig's
     * parseZipCentralDirectory does) costs more than the signature blocks themselves.
     */
    private static List<CentralDirectoryRecord> findRecords(DataSource apk, ApkUtils.ZipSections sections,
                                                            Collection<String> names)
            throws IOException, ZipFormatException {
        List<byte[]> wanted = new ArrayList<>();
        for (String n : names) {
            wanted.add(n.getBytes(StandardCharsets.UTF_8));
        }
        long cdSize = sections.getZipCentralDirectorySizeBytes();
        if (cdSize > Integer.MAX_VALUE) {
            throw new ZipFormatException("central directory of " + cdSize + " bytes");
        }
        ByteBuffer cd = apk.getByteBuffer(sections.getZipCentralDirectoryOffset(), (int) cdSize)
                .order(ByteOrder.LITTLE_ENDIAN);
        List<CentralDirectoryRecord> out = new ArrayList<>();
        int pos = 0;
        while (pos + CD_HEADER <= cd.limit() && out.size() < wanted.size()) {
            if (cd.getInt(pos) != CD_SIGNATURE) {
                throw new ZipFormatException("no central directory record signature at offset " + pos);
            }
            int nameLength = Short.toUnsignedInt(cd.getShort(pos + 28));
            int recordLength = CD_HEADER + nameLength + Short.toUnsignedInt(cd.getShort(pos + 30))
                    + Short.toUnsignedInt(cd.getShort(pos + 32));
            if (pos + recordLength > cd.limit()) {
                throw new ZipFormatException("central directory record at offset " + pos + " needs "
                        + recordLength + " bytes, " + (cd.limit() - pos) + " left");
            }
            for (byte[] name : wanted) {
                if (name.length == nameLength && cd.slice(pos + CD_HEADER, nameLength).equals(ByteBuffer.wrap(name))) {
                    out.add(CentralDirectoryRecord.getRecord(cd.slice(pos, recordLength).order(ByteOrder.LITTLE_ENDIAN)));
                    break;
                }
            }
            pos += recordLength;
        }
        return out;
    }

    static List<String> readWithBouncyCastle(byte[] block) throws IOException {
        List<String> algorithms = new ArrayList<>();
        SignedData signedData = SignedData.getInstance(
                ContentInfo.getInstance(ASN1Primitive.fromByteArray(block)).getContent());
        for (ASN1Encodable encodable : signedData.getSignerInfos()) {
            SignerInfo signer = SignerInfo.getInstance(encodable);
            algorithms.add(name(signer.getDigestAlgorithm().getAlgorithm().getId(),
                    signer.getDigestEncryptionAlgorithm().getAlgorithm().getId()));
        }
        return algorithms;
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
