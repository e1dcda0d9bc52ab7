package dev.timeledger.web.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.timeledger.web.TimeLedgerApplication;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * A test of the whole server on a real port, on the test JVM's embedded PostgreSQL (a
 * database of its own per application context).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(classes = TimeLedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public @interface IntegrationTest {

}
