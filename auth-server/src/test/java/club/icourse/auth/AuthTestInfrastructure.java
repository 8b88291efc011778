package club.icourse.auth;

import club.icourse.testsupport.spring.RealInfrastructureInitializer;

class AuthTestInfrastructure extends RealInfrastructureInitializer {

    AuthTestInfrastructure() {
        super("auth");
    }
}
