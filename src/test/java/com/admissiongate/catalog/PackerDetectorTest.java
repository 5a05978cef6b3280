package com.admissiongate.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PackerDetectorTest {

    static PackerDetector detector;

    @BeforeAll
    static void load() {
        detector = new PackerDetector(CatalogLoader.fromClasspath().packers());
    }

    @Test
    void jiaguLibraryMeans360Jiagu() {
        PackerFinding f = detector.detect(List.of("AndroidManifest.xml", "classes.dex", "lib/armeabi-v7a/libjiagu.so"),
                List.of(), List.of("com.stub.StubApp"));

        assertThat(f.id()).isEqualTo("jiagu-360");
        assertThat(f.name()).isEqualTo("360 加固 / Qihoo 360 Jiagu");
        assertThat(f.evidence()).containsExactly(new Match("native-lib", "lib/armeabi-v7a/libjiagu.so"));
    }

    @Test
    void leguNeedsItsMarkerPlusOneCompanionAsset() {
        PackerFinding alone = detector.detect(List.of("assets/0OO00l111l1l"), List.of(), List.of());
        PackerFinding paired = detector.detect(List.of("assets/0OO00l111l1l", "assets/toversion"), List.of(), List.of());

        assertThat(alone).isNull();
        assertThat(paired.id()).isEqualTo("tencent-legu");
        assertThat(paired.evidence()).containsExactly(new Match("entry", "assets/0OO00l111l1l"),
                new Match("entry", "assets/toversion"));
    }

    @Test
    void yidunLibraryWithoutWrapperClassIsNotAPacker() {
        assertThat(detector.detect(List.of("lib/arm64-v8a/libnesec.so"), List.of(), List.of("com.example.Main")))
                .isNull();
        assertThat(detector.detect(List.of("lib/arm64-v8a/libnesec.so"), List.of(),
                List.of("Lcom/netease/nis/wrapper/Entry;")).id()).isEqualTo("netease-yidun-protect");
    }

    @Test
    void ijiamiAssetDirectoryAndSecneoLibraryFromNativeList() {
        assertThat(detector.detect(List.of("assets/ijm_lib/armeabi/libexec.so"), List.of(), List.of()).id())
                .isEqualTo("ijiami");
        assertThat(detector.detect(List.of(), List.of("libDexHelper.so"), List.of()).id()).isEqualTo("secneo");
    }

    @Test
    void plainApkHasNoPacker() {
        assertThat(detector.detect(List.of("classes.dex", "lib/arm64-v8a/libapp.so", "assets/flutter_assets/x"),
                List.of(), List.of("com.example.Main"))).isNull();
    }
}
