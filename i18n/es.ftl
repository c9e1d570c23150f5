### El texto de la interfaz de careguide en español, en el formato de
### Fluent (https://projectfluent.org). Cada archivo de idioma debe tener
### exactamente estos mensajes; `careguide check` avisa si falta o sobra uno.
### { $nombre } marca un valor que pone la aplicación: mantenga cada { $nombre }.
### Un número puede elegir las palabras según las reglas de plural del idioma:
###     { $n ->
###         [one] { $n } día
###        *[other] { $n } días
###     }
### Las listas (días, meses) se escriben como un mensaje, separadas por comas.

language-name = Español

## Fechas y días
weekdays = lun, mar, mié, jue, vie, sáb, dom
weekdays-long = lunes, martes, miércoles, jueves, viernes, sábado, domingo
months = ene, feb, mar, abr, may, jun, jul, ago, sep, oct, nov, dic
months-long = enero, febrero, marzo, abril, mayo, junio, julio, agosto, septiembre, octubre, noviembre, diciembre
date = { $weekday } { $day } { $month } { $year }
day = Día { $n }
day-range = Días { $from } a { $to }
day-with-date = { $day }, { $date }
days-before =
    { $n ->
        [one] { $n } día antes
       *[other] { $n } días antes
    }
day-of-treatment = El día de su tratamiento
today = Hoy
today-marker = HOY
minutes-about =
    { $n ->
        [one] unos { $n } minuto
       *[other] unos { $n } minutos
    }
minutes-range = de { $min } a { $max } minutos
minutes-exact =
    { $n ->
        [one] { $n } minuto
       *[other] { $n } minutos
    }
date-short = { $weekday } { $day } { $month }
ref-day = día { $n }
ref-days-before =
    { $n ->
        [one] { $n } día antes de su tratamiento
       *[other] { $n } días antes de su tratamiento
    }
ref-with-date = { $day } ({ $date })
phone-unknown = el número de teléfono de su tarjeta de cita

## Secciones del plan
main-message = Lo más importante
overview = Resumen
what-it-is = Qué es
preparation = Antes de su tratamiento
screening = Pare y pregunte al personal antes del tratamiento si responde que sí a alguna de estas preguntas
screening-stop = PARE: pregunte al personal antes del tratamiento
numbing = Adormecer la piel
numbing-minutes = Se deja puesta { $minutes }.
expect-short = Es normal
do-short = Haga
avoid-short = Evite
numbing-what = Qué se usa
what-happens = Qué pasa
what-you-feel = Qué va a sentir
safety = Seguridad
procedure = Su tratamiento
procedure-duration = Dura { $minutes }.
right-after = Justo después
aftercare = Cuidados, día a día
expect = Qué esperar
to-do = Qué hacer
restrictions = Límites, día a día
restrictions-intro = Cada línea muestra los días en que se aplica un límite.
restriction-avoid = evitar
restriction-do = seguir haciendo
restriction-days = { $label }: { $range }
restriction-until = Día { $from } a día { $to }
day-axis = Día
column-limit = Límite
column-days = Días
column-note = Nota
widened = (más tiempo { $label })
visit-when = el { $day } o más tarde, el día que fije su clínica
visit-legend = visita
chart-continues = sigue fuera del gráfico
in-force-today = Vigente hoy
warning-signs = Cuándo llamar
call-clinic = Llame a la clínica si tiene
emergency = Busque atención de urgencia de inmediato si tiene
normal-or-call = ¿Es normal o hay que llamar?
normal-heading = Esto es normal
call-heading = Llámenos por esto
contact = Contacto
contact-phone = Teléfono
contact-after-hours = Fuera de horario
disclaimer = Tenga en cuenta
key-points = Puntos clave
teach-back = Pregunte al paciente
glossary = Palabras que conviene saber
addons = Añadido a este plan
from-addon = ({ $label })
plan-for = Su plan
treatment-date = Fecha del tratamiento
no-treatment-date = Sin fecha de tratamiento: los días se cuentan desde el día del tratamiento, el día 0.
content-version = Versión del contenido { $version }, revisado el { $date }

## Pantallas y navegación
tab-picker = Guía
tab-date = Fecha
tab-overview = Resumen
tab-preparation = Antes
tab-numbing = Adormecer
tab-procedure = Tratamiento
tab-aftercare = Cuidados
tab-timeline = Límites
tab-call = Cuándo llamar
title-picker = Elija una guía
title-date = Fecha del tratamiento
header-treatment = Tratamiento { $date }
header-today = Hoy: { $day }
header-no-date = Sin fecha de tratamiento
too-small = Agrande la ventana a { $width }×{ $height } como mínimo
back = Atrás
next = Siguiente
step-of = Paso { $n } de { $total }: { $name }
search-prompt = Buscar
search-hint = Enter para buscar, Esc para cancelar
search-none = No se encontró «{ $query }»
search-status = Resultado { $n } de { $total } para «{ $query }» (n siguiente, N anterior)
reload-errors-title = El archivo de la guía tiene errores. Se muestra la última versión buena.

## Resumen
overview-plan-holds = Este plan incluye
holds-preparation = Antes: { $steps } cosas que hacer y { $questions } preguntas que revisar
holds-numbing = Adormecer la piel: { $minutes }
holds-procedure = El tratamiento: { $minutes }
holds-aftercare =
    { $parts ->
        [one] Cuidados del día 0 al día { $last }, en { $parts } parte
       *[other] Cuidados del día 0 al día { $last }, en { $parts } partes
    }
holds-limits =
    { $n ->
        [one] { $n } límite, en un cuadro día a día
       *[other] { $n } límites, en un cuadro día a día
    }
holds-call = Cuándo llamar a la clínica

## Preparación
checklist-done = { $done } de { $total } hechos
yes = SÍ

## Cuenta regresiva de la anestesia
timer-ready = Sin empezar
timer-running = Contando
timer-paused = En pausa
timer-done = SE ACABÓ EL TIEMPO

## Cuidados y límites
days-short = Días { $from }–{ $to }
aftercare-ended = Hoy es el día { $n }. Los cuidados día a día terminaron el día { $last }.
limits-today = Límites de este día
limits-on-days = Límites de estos días
no-limits = Ningún límite.
limit-until = hasta el día { $n }

## Elegir guía y fecha
picker-intro = Elija el tratamiento y marque lo que quiera añadir.
language-label = Idioma
date-intro = ¿Qué día es el tratamiento (día 0)? Escriba la fecha (como 20/11/2026 o 2026-11-20) o use los botones.
date-none = Todavía sin fecha: los días se verán como día 0, día 1, ...
relative-today = hoy
relative-yesterday = ayer
relative-tomorrow = mañana
relative-past =
    { $n ->
        [one] hace { $n } día
       *[other] hace { $n } días
    }
relative-future =
    { $n ->
        [one] dentro de { $n } día
       *[other] dentro de { $n } días
    }
button-today = Hoy
button-day = 1 día
button-no-date = Sin fecha

## Ventanas
help-title = Teclas
help-here = En esta pantalla
help-everywhere = En todas partes
help-windows = En una ventana
help-mouse = Mouse: haga clic en las pestañas, los botones y las listas. La rueda mueve el texto.
glossary-empty = Esta guía no tiene lista de palabras.
index-title = Ir a

## Qué hace cada tecla (ayuda y pie)
key-close = Cerrar
key-move = Mover
key-choose = Elegir
key-language = Idioma
key-today = Hoy
key-date-later = Un día después
key-date-earlier = Un día antes
key-date-change = Un día antes o después
key-skip = Sin fecha
key-next = Siguiente
key-delete = Borrar
key-tick = Marcar
key-timer = Empezar o pausar
key-timer-reset = Reiniciar
key-next-day = Día siguiente
key-prev-day = Día anterior
key-back = Atrás
key-scroll = Desplazar
key-first = Primer paso
key-last = Último paso
key-section-number = Ir a una sección
key-index = Secciones
key-search = Buscar
key-search-next = Resultado siguiente
key-search-prev = Resultado anterior
key-call = Cuándo llamar
key-glossary = Palabras que conviene saber
key-teach-back = Mostrar u ocultar preguntas para el paciente
key-help = Ayuda
key-quit = Salir

## Quiosco
welcome-purpose = Esta pantalla explica su tratamiento de la piel: cómo prepararse y cómo cuidar su piel después.
welcome-start = Presione una tecla o toque la pantalla para empezar
welcome-language = Idioma
path-question = ¿En qué punto de su tratamiento está?
path-ready = Me estoy preparando para el tratamiento
path-ready-detail = Cómo prepararse, la anestesia y cómo es el tratamiento
path-treated = Ya me hice el tratamiento
path-treated-detail = Cómo cuidar su piel hoy y los días siguientes
kiosk-date-question = ¿Cuándo se hizo el tratamiento?
days-ago-button =
    { $n ->
        [one] Hace { $n } día
       *[other] Hace { $n } días
    }
kiosk-date-question-ahead = ¿Cuándo es su tratamiento?
in-days-button =
    { $n ->
        [one] En { $n } día
       *[other] En { $n } días
    }
date-not-sure = No lo sé
start-over = Empezar de nuevo
still-there = ¿Sigue ahí?
still-there-detail = Toque la pantalla o presione una tecla para seguir leyendo.
starting-over-in =
    { $n ->
        [one] Se empieza de nuevo en { $n } segundo
       *[other] Se empieza de nuevo en { $n } segundos
    }
kiosk-hint = Toque un botón, o use las flechas y Enter
staff-pin-title = Personal
staff-pin-prompt = PIN del personal:
pin-wrong = PIN incorrecto.
pin-locked =
    { $seconds ->
        [one] Demasiados PIN incorrectos. Intente de nuevo en { $seconds } segundo (Esc cierra).
       *[other] Demasiados PIN incorrectos. Intente de nuevo en { $seconds } segundos (Esc cierra).
    }
staff-exit-off = La salida del personal está desactivada en este quiosco.
kiosk-today-day = Hoy es el día { $n } después de su tratamiento
kiosk-treatment-in =
    { $n ->
        [0] Su tratamiento es hoy
        [one] Su tratamiento es mañana
       *[other] Su tratamiento es en { $n } días
    }

## Copia para llevar
key-export = Guardar una copia para llevar
key-print = Imprimir el plan
exported = Copia guardada: { $path }
export-failed = No se pudo guardar la copia: { $error }
printed = El plan se envió a la impresora.
print-failed = No se pudo imprimir: { $error }
print-button = Imprimir
print-off = La impresión no está configurada en este equipo.

## Modo sencillo
plain-choose-language = Elija un idioma: escriba su número y presione Enter.
plain-choose-guide = Elija una guía: escriba su número y presione Enter.
plain-choose-addons = Añadidos: escriba los números de los que se va a hacer y presione Enter. Presione solo Enter si no hay ninguno.
plain-date = Fecha del tratamiento (como 20/11/2026 o 2026-11-20) y luego presione Enter. Presione solo Enter para no ponerla.
plain-invalid = Escriba uno de los números que se muestran.
plain-continue = Sección { $n } de { $total }. Presione Enter para seguir, o escriba q y Enter para parar.
plain-end = Ese es el plan completo.

## Añadido en esta versión
yes-clear = Sí, borrar
no-keep = No, seguir
key-page-down = Página abajo
key-page-up = Página arriba
key-top = Al principio
key-bottom = Al final
key-go-today = Ir a hoy
key-go-date = Ir a una fecha
key-read-aloud = Leer en voz alta
key-qr = Código QR para llevar
key-new-patient = Nuevo paciente
keyname-page-up = RePág
keyname-page-down = AvPág
keyname-home = Inicio
keyname-end = Fin
keyname-enter = Enter
keyname-esc = Esc
keyname-tab = Tabulador
keyname-backspace = Retroceso
keyname-space = Espacio
keyname-ctrl = Ctrl
timer-alert = SE ACABÓ EL TIEMPO: la crema lleva { $minutes }. Presione una tecla.
reload-gone = la guía `{ $guide }` ({ $language }) ya no está en la carpeta de guías
no-date-for-today = No hay fecha de tratamiento, así que no hay un día al que ir. Primero ponga la fecha (Inicio y luego Siguiente).
new-patient-done = Listo para un nuevo paciente.
new-patient-title = Nuevo paciente
new-patient-question = ¿Borrar todo lo de este paciente? Se borran la fecha, los servicios añadidos, las marcas y las respuestas. La guía queda.
kiosk-date-needed = Elija un día arriba, o escriba la fecha.
kiosk-date-future = Esa fecha es después de hoy. Revise la fecha, o vuelva y elija "Me estoy preparando".
kiosk-date-past = Esa fecha ya pasó. Revise la fecha, o vuelva y elija "Ya me hice el tratamiento".
date-error-shape = Eso no es una fecha. Escríbala así: 20/11/2026 o 2026-11-20.
date-error-month = Eso no es una fecha: el mes debe ser del 1 al 12.
date-error-year = Eso no es una fecha: revise el año.
date-error-day = Eso no es una fecha: { $month } de { $year } tiene { $days } días.
go-to-date-title = Ir a una fecha
go-to-date-prompt = Fecha
print-title = Imprimir
print-whole = Todo el plan
print-from-today = Solo los días que faltan
stop-more = { $n } más: vea la lista de abajo
day-passed = ya pasó: hágalo ahora si no lo hizo
day-passed-done = ya pasó
badge-numbing = anestesia
help-touch = Pantalla: toque los botones y los elementos de la lista. Los botones ▲ y ▼, o la barra de la derecha, mueven el texto.
qr-intro = Apunte la cámara del teléfono al código: tiene las fechas de su plan y el teléfono de la clínica. No se envía nada por internet.
qr-too-small = Agrande la ventana para ver el código QR (necesita { $w } columnas y { $h } filas).
speech-missing = La lectura en voz alta no está instalada en esta computadora. Pida ayuda al personal.
speech-failed = No se pudo leer en voz alta: { $error }
milestone-limit-ends = Desde hoy termina este límite: { $label }
milestone-do-starts = Empiece hoy: { $label }
calendar-contact = ¿Preguntas? Llame a { $clinic } al { $phone }.
calendar-guide = De su plan de cuidados: { $title }
qr-treatment = { $treatment }: { $date }
qr-limit-until = { $label }: hasta el { $date }
qr-emergency = Urgencias: { $call }
kiosk-read-aloud = Escuchar
kiosk-take-home = A su teléfono
kiosk-reading = Leyendo en voz alta. Toque la pantalla para parar.
kiosk-more-below = Hay más abajo: toque ▼ Más
kiosk-page-up = ▲ Arriba
kiosk-page-down = ▼ Más
key-calendar = Guardar los recordatorios como archivo de calendario
calendar-saved = Recordatorios guardados (para el calendario del teléfono): { $path }
calendar-needs-date = Primero ponga la fecha del tratamiento: los recordatorios necesitan fechas.
chart-title = Gráfico de sus límites, día a día
chart-desc = Una fila para cada límite, en el orden de la tabla de abajo. Una barra cubre los días en que se aplica el límite: con rayas, algo que debe evitar; con puntos, algo que debe seguir haciendo. Una línea continua marca el día de su tratamiento.
chart-treatment = Tratamiento (día 0)
limit-until-date = hasta el { $date }
qr-caption = Escanee el código con la cámara de su teléfono para guardar las fechas de su plan y el teléfono de la clínica. No se envía nada por internet.
qr-caption-url = Escanee el código con la cámara de su teléfono para abrir la página de su clínica.

## The plain kiosk (--kiosk --plain)
plain-kiosk-menu = Escriba un número y presione Enter. Solo Enter pasa a la sección siguiente.
plain-kiosk-section = Sección { $n } de { $total }
plain-kiosk-date-typed = O escriba la fecha, por ejemplo 20/11/2026, y presione Enter.
plain-kiosk-keep-reading = Presione Enter para seguir leyendo.
plain-kiosk-starting-over = Nadie ha escrito nada en un rato, así que se empieza de nuevo. No se guarda nada de lo que eligió.
plain-kiosk-pin-locked =
    { $seconds ->
        [one] Demasiados PIN incorrectos. Intente de nuevo en { $seconds } segundo.
       *[other] Demasiados PIN incorrectos. Intente de nuevo en { $seconds } segundos.
    }
