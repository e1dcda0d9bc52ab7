package dev.timeledger.events;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.timeledger.events.EventCatalog.EventType;
import dev.timeledger.events.operations.OperationsEvent;
import dev.timeledger.events.project.ProjectEvent;
import dev.timeledger.events.timer.TimerEvent;
import dev.timeledger.events.timesheet.TimesheetEvent;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

class EventCatalogTests {

	private static final List<Class<?>> EVENT_INTERFACES = List.of(ProjectEvent.class, TimerEvent.class,
			TimesheetEvent.class, OperationsEvent.class);

	private static final String EVENT_PACKAGES = "classpath*:dev/timeledger/events/*/*.class";

	@Test
	void catalogHoldsExactlyTheEventsOfTheSealedInterfaces() {
		Set<Class<?>> cataloged = EventCatalog.all().stream().map(EventType::javaType).collect(Collectors.toSet());

		assertThat(cataloged).containsExactlyInAnyOrderElementsOf(permittedEvents());
	}

	@Test
	void catalogHoldsEveryRecordOfTheEventPackages() throws Exception {
		Set<Class<?>> records = new HashSet<>();
		for (Resource resource : new PathMatchingResourcePatternResolver().getResources(EVENT_PACKAGES)) {
			Class<?> type = Class.forName(className(resource));
			if (type.isRecord()) {
				records.add(type);
			}
		}

		assertThat(records).isNotEmpty().allSatisfy((type) -> assertThat(EventCatalog.byClass(type)).isPresent());
	}

	@Test
	void namesAreUnique() {
		List<String> names = EventCatalog.all().stream().map(EventType::name).toList();

		assertThat(names).doesNotHaveDuplicates().hasSameSizeAs(permittedEvents());
		assertThat(permittedEvents().stream().map(Class::getSimpleName)).doesNotHaveDuplicates();
	}

	@Test
	void canFindEveryTypeByNameAndByClass() {
		for (Class<?> event : permittedEvents()) {
			EventType type = EventCatalog.byClass(event).orElseThrow();

			assertThat(type.javaType()).isEqualTo(event);
			assertThat(EventCatalog.byName(type.name())).contains(type);
		}
	}

	@Test
	void canNameEveryTypeByItsSimpleName() {
		assertThat(EventCatalog.byName("TimesheetApproved").map(EventType::javaType))
			.contains(dev.timeledger.events.timesheet.TimesheetApproved.class);
		assertThat(EventCatalog.all())
			.allSatisfy((type) -> assertThat(type.name()).isEqualTo(type.javaType().getSimpleName()));
	}

	@Test
	void cannotFindUnknownNameOrClass() {
		assertThat(EventCatalog.byName("TimesheetLost")).isEmpty();
		assertThat(EventCatalog.byName("dev.timeledger.events.timesheet.TimesheetApproved")).isEmpty();
		assertThat(EventCatalog.byClass(String.class)).isEmpty();
		assertThat(EventCatalog.byClass(TimesheetEvent.class)).isEmpty();
	}

	@Test
	void everyTypeHasPositiveNumericRevision() {
		assertThat(EventCatalog.all())
			.allSatisfy((type) -> assertThat(type.revision()).containsOnlyDigits().isNotEqualTo("0"));
	}

	@Test
	void everyEventIsRecordNamingItsTenantAndActor() {
		for (Class<?> event : permittedEvents()) {
			assertThat(event.isRecord()).as(event.getName()).isTrue();
			List<RecordComponent> components = Arrays.asList(event.getRecordComponents());

			assertThat(components).as(event.getName()).anySatisfy((component) -> isStringNamed(component, "actorId"));
			if (!OperationsEvent.class.isAssignableFrom(event)) {
				assertThat(components).as(event.getName())
					.anySatisfy((component) -> isStringNamed(component, "tenantId"));
			}
		}
	}

	@Test
	void operationsEventsBelongToNoTenant() {
		for (Class<?> event : OperationsEvent.class.getPermittedSubclasses()) {
			assertThat(event.getRecordComponents()).as(event.getName())
				.noneMatch((component) -> component.getName().equals("tenantId"));
		}
	}

	@Test
	void everyEventHoldsOnlyJdkTypes() {
		for (Class<?> event : permittedEvents()) {
			for (RecordComponent component : event.getRecordComponents()) {
				Class<?> type = component.getType();
				while (type.isArray()) {
					type = type.getComponentType();
				}

				assertThat(type.isPrimitive() || type.getName().startsWith("java."))
					.as("%s.%s is of %s", event.getSimpleName(), component.getName(), type.getName())
					.isTrue();
			}
		}
	}

	private static Set<Class<?>> permittedEvents() {
		return EVENT_INTERFACES.stream()
			.flatMap((sealed) -> Stream.of(sealed.getPermittedSubclasses()))
			.collect(Collectors.toSet());
	}

	private static void isStringNamed(RecordComponent component, String name) {
		assertThat(component.getName()).isEqualTo(name);
		assertThat(component.getType()).isEqualTo(String.class);
	}

	private static String className(Resource resource) throws IOException {
		String path = resource.getURL().toString();
		String relative = path.substring(path.lastIndexOf("dev/timeledger/events/"));
		return relative.substring(0, relative.length() - ".class".length()).replace('/', '.');
	}

}
