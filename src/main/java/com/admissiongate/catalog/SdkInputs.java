package com.admissiongate.catalog;

import java.util.List;

/**
 * What {@link SdkDetector} needs from an APK. Class names may be dotted, smali ({@code Lcn/jpush/Foo;})
 * or internal ({@code cn/jpush/Foo}); components are manifest class names (resolved); native libraries
 * and assets are ZIP entry paths or bare file names; call sites are the extractor's tracked call sites.
 */
public record SdkInputs(List<String> classNames, List<String> components, List<String> nativeLibs,
        List<String> assets, List<CallSite> callSites) {

    public SdkInputs {
        classNames = Lists.copy(classNames);
        components = Lists.copy(components);
        nativeLibs = Lists.copy(nativeLibs);
        assets = Lists.copy(assets);
        callSites = Lists.copy(callSites);
    }
}
