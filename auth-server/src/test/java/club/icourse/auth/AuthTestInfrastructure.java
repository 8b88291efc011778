package club.icourse.auth;

import club.icourse.testsupport.spring.RealInfrastructureInitializer;

public class AuthTestInfrastructure extends RealInfrastructureInitializer {

	public AuthTestInfrastructure() {
		super("auth");
	}

}
