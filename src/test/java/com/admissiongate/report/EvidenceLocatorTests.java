package com.admissiongate.report;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EvidenceLocatorTests {

    @Test
    void shouldTakeTheCallerOfACallPair() {
        EvidenceLocator.Located l = EvidenceLocator.locate(
                "Landroid/content/ClipboardManager;->getPrimaryClip()Landroid/content/ClipData; ← "
                        + "Lcom/foo/Bar$1;->run()V");

        assertThat(l.kind()).isEqualTo(EvidenceLocator.Kind.DEX);
        assertThat(l.ref().smali()).isEqualTo("Lcom/foo/Bar$1;->run()V");
        assertThat(l.ref().qualifiedName()).isEqualTo("com.foo.Bar$1.run");
        assertThat(l.ref().isMethod()).isTrue();
    }

    @Test
    void shouldReadMethodWithArrayAndObjectParameters() {
        EvidenceLocator.Located l = EvidenceLocator.locate(
                "sdk-x: Lcom/a/B;->m([Ljava/lang/String;IJ)[B");

        assertThat(l.ref().smali()).isEqualTo("Lcom/a/B;->m([Ljava/lang/String;IJ)[B");
        assertThat(l.ref().simpleName()).isEqualTo("m");
    }

    @Test
    void shouldReadABareClassAsType() {
        EvidenceLocator.Located l = EvidenceLocator.locate("class Lcom/tencent/tinker/loader/TinkerLoader; present");

        assertThat(l.kind()).isEqualTo(EvidenceLocator.Kind.DEX);
        assertThat(l.ref().isMethod()).isFalse();
        assertThat(l.ref().qualifiedName()).isEqualTo("com.tencent.tinker.loader.TinkerLoader");
        assertThat(l.ref().simpleName()).isEqualTo("TinkerLoader");
    }

    @Test
    void shouldSendPermissionsAndManifestAttributesToTheManifest() {
        assertThat(EvidenceLocator.locate("android.permission.CAMERA (camera)").kind())
                .isEqualTo(EvidenceLocator.Kind.MANIFEST);
        assertThat(EvidenceLocator.locate("com.android.permission.GET_INSTALLED_APPS").kind())
                .isEqualTo(EvidenceLocator.Kind.MANIFEST);
        assertThat(EvidenceLocator.locate("targetSdkVersion=22").kind()).isEqualTo(EvidenceLocator.Kind.MANIFEST);
        assertThat(EvidenceLocator.locate("exported <receiver> com.foo.Boot").kind())
                .isEqualTo(EvidenceLocator.Kind.MANIFEST);
    }

    @Test
    void shouldLeaveEverythingElseAsPlainEvidence() {
        assertThat(EvidenceLocator.locate("missing developer.piContact").kind()).isEqualTo(EvidenceLocator.Kind.OTHER);
        assertThat(EvidenceLocator.locate("http://api.example.com/x").kind()).isEqualTo(EvidenceLocator.Kind.OTHER);
        assertThat(EvidenceLocator.locate(Map.of("permission", "x")).kind()).isEqualTo(EvidenceLocator.Kind.OTHER);
        // "LOL;" is no class: smali class names have a package
        assertThat(EvidenceLocator.locate("LOL; said the reviewer").kind()).isEqualTo(EvidenceLocator.Kind.OTHER);
    }
}
