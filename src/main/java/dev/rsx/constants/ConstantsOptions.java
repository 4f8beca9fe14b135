package dev.rsx.constants;

import dev.rsx.engine.ProjectException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Where the constants class goes and what it is called. A package or class name the compiler would refuse is refused
 * here, before any database is opened.
 *
 * @param outputDir the source root the class is written under, as a package tree
 */
public record ConstantsOptions(Path outputDir, String packageName, String className) {

    public static final String DEFAULT_CLASS_NAME = "Tables";

    public ConstantsOptions {
        Objects.requireNonNull(outputDir, "outputDir");
        checkPackageName(packageName);
        checkClassName(className);
    }

    /**
     * The project's groupId plus {@code .db}, made a package name as JLS 6.1 advises ({@code com.my-shop} becomes
     * {@code com.my_shop.db}, {@code org.example.new} becomes {@code org.example.new_.db}).
     */
    public static String defaultPackageName(String groupId) {
        String parts = groupId == null ? "" : Arrays.stream(groupId.split("\\.")).filter(part -> !part.isBlank())
                .map(part -> JavaNames.packagePart(part.strip()) + ".").collect(Collectors.joining());
        return parts + "db";
    }

    /** The generated file: {@code <outputDir>/com/example/db/Tables.java}. */
    public Path sourceFile() {
        return outputDir.resolve(packageName.replace('.', '/')).resolve(className + ".java");
    }

    private static void checkPackageName(String packageName) {
        String problem = null;
        if (packageName == null || packageName.isEmpty()) {
            problem = "it is empty";
        } else if (packageName.startsWith(".") || packageName.endsWith(".") || packageName.contains("..")) {
            problem = "it has an empty part between dots";
        } else {
            for (String part : packageName.split("\\.")) {
                problem = identifierProblem(part);
                if (problem != null) {
                    break;
                }
            }
        }
        if (problem != null) {
            throw new ProjectException("rsx.constants.packageName '" + packageName + "' is not a Java package name: "
                    + problem + ". Use Java identifiers separated by dots, e.g. com.example.db.");
        }
    }

    private static void checkClassName(String className) {
        String problem;
        if (className == null || className.isEmpty()) {
            problem = "it is empty";
        } else if (className.contains(".")) {
            problem = "it contains a dot; give the package in rsx.constants.packageName";
        } else if (JavaNames.isRestrictedTypeName(className)) {
            problem = "'" + className + "' cannot name a class";
        } else {
            problem = identifierProblem(className);
        }
        if (problem != null) {
            throw new ProjectException("rsx.constants.className '" + className + "' is not a Java class name: " + problem
                    + ". Use one Java identifier, e.g. " + DEFAULT_CLASS_NAME + ".");
        }
    }

    private static String identifierProblem(String name) {
        if (!JavaNames.isIdentifierSyntax(name)) {
            return "'" + name + "' is not a Java identifier";
        }
        return JavaNames.isKeyword(name) ? "'" + name + "' is a Java keyword" : null;
    }
}
