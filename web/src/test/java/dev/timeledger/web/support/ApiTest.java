package dev.timeledger.web.support;

import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An API test of the whole server on a real port: each test gets a fresh tenant
 * ({@link TestWorld}) and an HTTP client.
 */
@IntegrationTest
public abstract class ApiTest {

	@LocalServerPort
	protected int port;

	@Autowired
	protected JdbcClient jdbc;

	protected TestWorld world;

	protected ApiClient api;

	@BeforeEach
	void createWorld() {
		this.api = new ApiClient(this.port);
		this.world = new TestWorld(this.api, this.jdbc);
	}

}
