package com.admissiongate.catalog;

import java.util.List;

/**
 * How an SDK shows up in an APK. {@code classPrefixes} are dotted and matched segment-wise
 * ({@code com.tune} matches {@code com.tune.Foo}, not {@code com.tunein.Foo}); {@code classSegments}
 * are εxodus signatures that begin with a dot and match a segment anywhere in the name.
 */
public record SdkFingerprints(List<String> classPrefixes, List<String> classSegments, List<String> components,
        List<String> nativeLibs, List<String> assets) {

    public SdkFingerprints {
        classPrefixes = Lists.copy(classPrefixes);
        classSegments = Lists.copy(classSegments);
        components = Lists.copy(components);
        nativeLibs = Lists.copy(nativeLibs);
        assets = Lists.copy(assets);
    }
}
