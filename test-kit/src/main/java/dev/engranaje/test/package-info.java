/**
 * Process tests without Docker: {@link dev.engranaje.test.ProcessTest} gives a JUnit 5 test class an
 * in-memory embedded engine and the official Camunda client ({@link dev.engranaje.test.ProcessTestEngine}),
 * a controlled clock that skips to the next timer when the engine has nothing else to do, mocked job
 * workers ({@link dev.engranaje.test.JobMock}) and assertions over what the engine recorded
 * ({@link dev.engranaje.test.ProcessAssertions}).
 */
package dev.engranaje.test;
