package bench.floor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Answers the stub's document, read once at start, on the path the stub serves it at. */
@SpringBootApplication
@RestController
public class FloorApplication {

	private final byte[] document;

	public FloorApplication(@Value("${bench.document}") Path document) throws IOException {
		this.document = Files.readAllBytes(document);
	}

	@GetMapping("/v2/snapshot/{id}")
	public ResponseEntity<byte[]> snapshot(@PathVariable String id) {
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(this.document);
	}

	public static void main(String[] args) {
		SpringApplication.run(FloorApplication.class, args);
	}

}
