{{- define "gatehouse-agent.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "gatehouse-agent.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else if contains (include "gatehouse-agent.name" .) .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name (include "gatehouse-agent.name" .) | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}

{{- define "gatehouse-agent.selectorLabels" -}}
app.kubernetes.io/name: {{ include "gatehouse-agent.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "gatehouse-agent.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{ include "gatehouse-agent.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/component: agent
{{- end }}

{{/* The Secret holding the provisioning pair: the operator's, or the one this chart makes. */}}
{{- define "gatehouse-agent.provisioningSecretName" -}}
{{- default (include "gatehouse-agent.fullname" .) .Values.provisioning.existingSecret }}
{{- end }}

{{- define "gatehouse-agent.redisSecretName" -}}
{{- default (include "gatehouse-agent.fullname" .) .Values.redis.existingSecret }}
{{- end }}

{{/* Whether this chart creates a Secret at all. */}}
{{- define "gatehouse-agent.createsSecret" -}}
{{- if or (not .Values.provisioning.existingSecret) (and .Values.redis.url (not .Values.redis.existingSecret)) }}true{{ end }}
{{- end }}
