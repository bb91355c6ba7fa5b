package dev.engranaje.engine.gateway;

public record DeployedProcess(
    String bpmnProcessId, int version, long processDefinitionKey, String resourceName, String tenantId) {}
