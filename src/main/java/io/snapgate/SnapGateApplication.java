package io.snapgate;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class SnapGateApplication {

	public static void main(String[] args) {
		SpringApplication.run(SnapGateApplication.class, args);
	}

}
