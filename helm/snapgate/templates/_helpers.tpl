{{/* The chart name, overridable. */}}
{{- define "snapgate.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* The release's full name: the release name alone when it already contains the chart name. */}}
{{- define "snapgate.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "snapgate.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Selectors use name and instance only: the other labels change between releases. */}}
{{- define "snapgate.selectorLabels" -}}
app.kubernetes.io/name: {{ include "snapgate.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "snapgate.labels" -}}
helm.sh/chart: {{ include "snapgate.chart" . }}
{{ include "snapgate.selectorLabels" . }}
app.kubernetes.io/version: {{ .Values.image.tag | default .Chart.AppVersion | quote }}
app.kubernetes.io/component: gateway
app.kubernetes.io/part-of: snapgate
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{/* The `helm test` Pod's labels. */}}
{{- define "snapgate.testLabels" -}}
helm.sh/chart: {{ include "snapgate.chart" . }}
app.kubernetes.io/name: {{ include "snapgate.name" . }}-test
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: test
app.kubernetes.io/part-of: snapgate
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{- define "snapgate.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "snapgate.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "snapgate.image" -}}
{{- if .Values.image.digest }}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest }}
{{- else }}
{{- printf "%s:%s" .Values.image.repository (.Values.image.tag | default .Chart.AppVersion) }}
{{- end }}
{{- end }}

{{/* Where the ConfigMap's application.yaml and the API keys Secret are mounted. */}}
{{- define "snapgate.configDir" -}}/etc/snapgate/config/{{- end }}
{{- define "snapgate.apiKeysDir" -}}/etc/snapgate/api-keys/{{- end }}

{{/*
The application.yaml the ConfigMap carries: providers, authentication and the free-form config,
the latter winning. Secret values in it are ${ENV} placeholders only.
*/}}
{{- define "snapgate.applicationYaml" -}}
{{- $snapgate := dict }}
{{- if .Values.providers }}
{{- $_ := set $snapgate "providers" .Values.providers }}
{{- end }}
{{- $jwtGrants := dict }}
{{- with .Values.auth.jwt.grantsClaim }}{{ $_ := set $jwtGrants "grants-claim" . }}{{ end }}
{{- if .Values.auth.jwt.requireGrants }}{{ $_ := set $jwtGrants "require-grants" true }}{{ end }}
{{- if $jwtGrants }}
{{- $_ := set $snapgate "security" (dict "jwt" $jwtGrants) }}
{{- end }}
{{- $spring := dict }}
{{- with .Values.auth.apiKeys.existingSecret }}
{{- $_ := set $spring "config" (dict "import" (list (printf "file:%s%s" (include "snapgate.apiKeysDir" $) $.Values.auth.apiKeys.key))) }}
{{- end }}
{{- $jwt := dict }}
{{- with .Values.auth.jwt.issuerUri }}{{ $_ := set $jwt "issuer-uri" . }}{{ end }}
{{- with .Values.auth.jwt.jwkSetUri }}{{ $_ := set $jwt "jwk-set-uri" . }}{{ end }}
{{- with .Values.auth.jwt.audiences }}{{ $_ := set $jwt "audiences" . }}{{ end }}
{{- if $jwt }}
{{- $_ := set $spring "security" (dict "oauth2" (dict "resourceserver" (dict "jwt" $jwt))) }}
{{- end }}
{{- $rendered := dict }}
{{- if $snapgate }}{{ $_ := set $rendered "snapgate" $snapgate }}{{ end }}
{{- if $spring }}{{ $_ := set $rendered "spring" $spring }}{{ end }}
{{- $merged := mustMergeOverwrite $rendered (deepCopy .Values.config) }}
{{- if $merged }}
{{- toYaml $merged }}
{{- else }}
{}
{{- end }}
{{- end }}

{{/*
Refuses values that would put a secret in the ConfigMap, or leave a placeholder without its
environment variable (the app would fail at start with a less helpful message).
*/}}
{{- define "snapgate.validate" -}}
{{- range $id, $provider := .Values.providers }}
{{- range $key, $value := $provider }}
{{- if and (regexMatch "(?i)(password|secret|api-key|access-key-id|signing-key|token)" $key) (not (regexMatch "^\\$\\{[A-Za-z_][A-Za-z0-9_.-]*\\}$" (toString $value))) }}
{{- fail (printf "providers.%s.%s must be a ${ENV_VAR} placeholder filled from a Secret by secretEnv, never a literal value" $id $key) }}
{{- end }}
{{- end }}
{{- end }}
{{- $envNames := list "SNAPGATE_TOKENS_SIGNINGKEY" }}
{{- range .Values.secretEnv }}{{ $envNames = append $envNames .name }}{{ end }}
{{- range .Values.extraEnv }}{{ $envNames = append $envNames .name }}{{ end }}
{{- range (regexFindAll "\\$\\{[A-Z_][A-Z0-9_]*\\}" (include "snapgate.applicationYaml" .) -1) }}
{{- $name := trimSuffix "}" (trimPrefix "${" .) }}
{{- if and (not (has $name $envNames)) (not $.Values.extraEnvFrom) }}
{{- fail (printf "the configuration refers to ${%s}, but no secretEnv or extraEnv entry is named %s" $name $name) }}
{{- end }}
{{- end }}
{{- if and .Values.tokens.existingSecret (not .Values.tokens.key) }}
{{- fail "tokens.key must name the key of tokens.existingSecret" }}
{{- end }}
{{- with .Values.redis.url }}
{{- $url := urlParse . }}
{{- if $url.userinfo }}
{{- fail "redis.url must carry no user or password: name the password's Secret in redis.password.existingSecret" }}
{{- end }}
{{- $redis := include "snapgate.redis" $ | fromYaml }}
{{- if ne $redis.port (toString $.Values.redis.port) }}
{{- fail (printf "redis.url names port %s but redis.port is %v: the NetworkPolicy opens redis.port, so the two must agree" $redis.port $.Values.redis.port) }}
{{- end }}
{{- end }}
{{- if and .Values.redis.password.existingSecret (not .Values.redis.password.key) }}
{{- fail "redis.password.key must name the key of redis.password.existingSecret" }}
{{- end }}
{{- end }}

{{/*
The Redis that holds the shared request budgets, from redis.url: its host (IPv6 in brackets), port
(the url's, else redis.port), database (the url's path, else 0) and whether it is reached over TLS
(redis.tls, or a rediss:// url).
*/}}
{{- define "snapgate.redis" -}}
{{- $url := urlParse .Values.redis.url }}
{{- $urlPort := regexFind ":[0-9]+$" $url.host | trimPrefix ":" }}
scheme: {{ $url.scheme | quote }}
host: {{ regexReplaceAll ":[0-9]+$" $url.host "" | quote }}
hostname: {{ $url.hostname | quote }}
port: {{ $urlPort | default (toString .Values.redis.port) | quote }}
database: {{ trimAll "/" $url.path | default "0" | quote }}
tls: {{ or .Values.redis.tls (eq $url.scheme "rediss") }}
{{- end }}
