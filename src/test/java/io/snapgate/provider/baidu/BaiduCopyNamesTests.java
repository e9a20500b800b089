package io.snapgate.provider.baidu;

import io.snapgate.domain.ProviderId;
import io.snapgate.domain.SnapshotRef;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BaiduCopyNamesTests {

	@Test
	void aCopysNameCarriesItsSourceAndReadsBack() {
		String name = BaiduCopyNames.of(new ProviderId("baidu-bj-2"), "s-Snap0001");

		assertThat(name).isEqualTo("copy_of_baidu_bj_2_s_Snap0001").matches("[A-Za-z0-9_]{1,65}");
		assertThat(BaiduCopyNames.source(name)).contains(new SnapshotRef(new ProviderId("baidu-bj-2"), "s-Snap0001"));
	}

	@Test
	void aProviderIdTooLongForBccsNameIsLeftOutAndThenNoSourceIsTold() {
		String name = BaiduCopyNames.of(new ProviderId("a".repeat(60)), "s-Snap0001");

		assertThat(name).isEqualTo("copy_of_s_Snap0001");
		assertThat(BaiduCopyNames.source(name)).isEmpty();
	}

	@Test
	void otherNamesTellNoSource() {
		assertThat(BaiduCopyNames.source("nightly_s_Snap0001")).isEmpty();
		assertThat(BaiduCopyNames.source("copy_of_bj_s_")).isEmpty();
		assertThat(BaiduCopyNames.source("copy_of__s_Snap0001")).isEmpty();
		assertThat(BaiduCopyNames.source(null)).isEmpty();
	}

}
