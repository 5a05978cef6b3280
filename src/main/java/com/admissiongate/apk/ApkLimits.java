package com.admissiongate.apk;

/**
 * Resource limits for one analysis. Exceeding a limit never throws: it becomes an issue and
 * the affected area is marked incomplete.
 *
 * @param maxEntries           central-directory entries read
 * @param maxTotalUncompressed sum of declared uncompressed sizes
 * @param maxEntryUncompressed declared uncompressed size of any single entry that is inflated
 * @param maxRatio             uncompressed/compressed ratio above which an entry is a bomb
 *                             (checked for entries above {@code ratioMinSize} bytes)
 * @param ratioMinSize         entries smaller than this are exempt from the ratio check
 * @param maxNesting           depth of nested APK/JAR/ZIP/DEX inspected (top level is 0)
 * @param maxStringPool        bytes of one binary-XML or resource-table string pool
 * @param maxXmlSize           bytes of one inflated binary XML file (manifest, res/xml)
 * @param maxArscSize          bytes of the inflated resources.arsc
 * @param maxDexSize           bytes of one DEX file
 * @param maxStrings           resource strings collected per locale
 * @param maxStringLength      characters kept per collected resource string
 * @param maxAssets            asset paths listed
 * @param maxUrls              URL string constants listed
 * @param maxCallSites         tracked call sites, reflection and dynamic-loading sites, layout password fields listed
 * @param inMemoryMax          files up to this size are read whole into the heap and analysed from there
 *                             (positional reads of a file cost a system call each: 8–20 % of the extractor on
 *                             ~2.6 MB APKs; {@code SigningVerifier} takes the same limit for apksig); larger files
 *                             are read from the file as needed; 0 always reads from the file
 */
public record ApkLimits(
        int maxEntries,
        long maxTotalUncompressed,
        long maxEntryUncompressed,
        double maxRatio,
        long ratioMinSize,
        int maxNesting,
        int maxStringPool,
        int maxXmlSize,
        int maxArscSize,
        int maxDexSize,
        int maxStrings,
        int maxStringLength,
        int maxAssets,
        int maxUrls,
        int maxCallSites,
        long inMemoryMax) {

    public static final long GIB = 1L << 30;
    public static final int MIB = 1 << 20;

    /**
     * Default for {@link #inMemoryMax}. The Facts assembly reads the file once for the extractor and apksig, so a
     * consumer holds one such copy.
     */
    public static final long DEFAULT_IN_MEMORY_MAX = 64L * MIB;

    /** Limits with the default {@link #inMemoryMax}. */
    public ApkLimits(int maxEntries, long maxTotalUncompressed, long maxEntryUncompressed, double maxRatio,
                     long ratioMinSize, int maxNesting, int maxStringPool, int maxXmlSize, int maxArscSize,
                     int maxDexSize, int maxStrings, int maxStringLength, int maxAssets, int maxUrls, int maxCallSites) {
        this(maxEntries, maxTotalUncompressed, maxEntryUncompressed, maxRatio, ratioMinSize, maxNesting, maxStringPool,
                maxXmlSize, maxArscSize, maxDexSize, maxStrings, maxStringLength, maxAssets, maxUrls, maxCallSites,
                DEFAULT_IN_MEMORY_MAX);
    }

    public static ApkLimits defaults() {
        return new ApkLimits(65536, 2 * GIB, 512L * MIB, 200.0, MIB, 2, 8 * MIB, 16 * MIB, 64 * MIB,
                256 * MIB, 5000, 1024, 2000, 2000, 20000);
    }

    /** Returns this instance, or throws {@link IllegalArgumentException} naming the first bad value. */
    public ApkLimits validate() {
        positive("maxEntries", maxEntries);
        positive("maxTotalUncompressed", maxTotalUncompressed);
        positive("maxEntryUncompressed", maxEntryUncompressed);
        if (!(maxRatio >= 1.0) || Double.isInfinite(maxRatio)) {
            throw new IllegalArgumentException("maxRatio must be a finite number >= 1, was " + maxRatio);
        }
        if (ratioMinSize < 0) {
            throw new IllegalArgumentException("ratioMinSize must be >= 0, was " + ratioMinSize);
        }
        if (maxNesting < 0 || maxNesting > 8) {
            throw new IllegalArgumentException("maxNesting must be in [0, 8], was " + maxNesting);
        }
        positive("maxStringPool", maxStringPool);
        positive("maxXmlSize", maxXmlSize);
        positive("maxArscSize", maxArscSize);
        positive("maxDexSize", maxDexSize);
        positive("maxStrings", maxStrings);
        positive("maxStringLength", maxStringLength);
        positive("maxAssets", maxAssets);
        positive("maxUrls", maxUrls);
        positive("maxCallSites", maxCallSites);
        if (inMemoryMax < 0 || inMemoryMax > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("inMemoryMax must be in [0, 2 GiB), was " + inMemoryMax);
        }
        if (maxEntryUncompressed > maxTotalUncompressed) {
            throw new IllegalArgumentException("maxEntryUncompressed (" + maxEntryUncompressed
                    + ") exceeds maxTotalUncompressed (" + maxTotalUncompressed + ")");
        }
        if (maxXmlSize > maxEntryUncompressed || maxArscSize > maxEntryUncompressed
                || maxDexSize > maxEntryUncompressed) {
            throw new IllegalArgumentException("maxXmlSize, maxArscSize and maxDexSize must not exceed "
                    + "maxEntryUncompressed (" + maxEntryUncompressed + ")");
        }
        return this;
    }

    private static void positive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be > 0, was " + value);
        }
    }
}
