package dev.timeledger.web.devtoken;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import dev.timeledger.command.InvalidInput;
import dev.timeledger.command.Role;
import dev.timeledger.web.security.ConditionalOnLocalMode;
import dev.timeledger.web.security.LocalTokens;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/dev/tokens}: development tokens for any user, tenant and roles. Exists
 * only in local mode; with an identity provider configured the path answers 404.
 */
@RestController
@ConditionalOnLocalMode
class DevTokenController {

	private final LocalTokens tokens;

	DevTokenController(LocalTokens tokens) {
		this.tokens = tokens;
	}

	@PostMapping("/api/dev/tokens")
	Map<String, Object> issue(@Valid @RequestBody TokenRequest request) {
		for (String role : request.roles()) {
			if (Role.fromClaim(role).isEmpty()) {
				throw new InvalidInput(
						"unknown role '" + role + "'; roles are worker, manager, admin, integration" + " and operator");
			}
		}
		if (request.zone() != null && !request.zone().isBlank()) {
			try {
				ZoneId.of(request.zone());
			}
			catch (DateTimeException ex) {
				// a token the server would then refuse on every request
				throw new InvalidInput("'" + request.zone() + "' is not a time zone");
			}
		}
		LocalTokens.IssuedToken issued = this.tokens.issue(request.user(), request.tenant(), request.roles(),
				request.name(), request.zone());
		return Map.of("token", issued.token(), "expiresAt", issued.expiresAt());
	}

	/**
	 * What the token says.
	 *
	 * @param user the subject
	 * @param tenant the tenant
	 * @param roles the roles
	 * @param name the display name, optional
	 * @param zone the time zone, optional
	 */
	record TokenRequest(@NotBlank @Size(max = 200) String user, @NotBlank @Size(max = 200) String tenant,
			@NotEmpty List<String> roles, @Size(max = 200) String name, @Size(max = 64) String zone) {
	}

}
