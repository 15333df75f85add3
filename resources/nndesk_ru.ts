<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru">
<context>
    <name>AttributionView</name>
    <message>
        <source>gradient × input: what the ink did</source>
        <translation>градиент × вход: что сделали штрихи</translation>
    </message>
    <message>
        <source>∂aₖ/∂x: what any pixel would do</source>
        <translation>∂aₖ/∂x: что сделал бы любой пиксель</translation>
    </message>
    <message>
        <source>Gradient × input keeps only inked pixels; ∂aₖ/∂x shows how much each pixel, inked or not, would raise or lower the output</source>
        <translation>Градиент × вход оставляет только закрашенные пиксели; ∂aₖ/∂x показывает, насколько каждый пиксель, закрашенный или нет, поднял бы или опустил выход</translation>
    </message>
    <message>
        <source>Blue: pushed towards that digit; orange: pushed away.</source>
        <translation>Синий — тянул к этой цифре, оранжевый — от неё.</translation>
    </message>
    <message>
        <source>Why this answer? Draw a digit and lift the pen.</source>
        <translation>Почему такой ответ? Нарисуйте цифру и отпустите перо.</translation>
    </message>
    <message>
        <source>Why {first} and not {second}?</source>
        <translation>Почему {first}, а не {second}?</translation>
    </message>
    <message>
        <source>towards {k} ({p} %)</source>
        <translation>к {k} ({p} %)</translation>
    </message>
</context>
<context>
    <name>BackpropPanel</name>
    <message>
        <source>◀ Back</source>
        <translation>◀ Назад</translation>
    </message>
    <message>
        <source>Next step ▶</source>
        <translation>Следующий шаг ▶</translation>
    </message>
    <message>
        <source>To the end of this sample</source>
        <translation>До конца этого примера</translation>
    </message>
    <message>
        <source>Start over</source>
        <translation>Начать сначала</translation>
    </message>
    <message>
        <source>Slide arithmetic (cut to 2–3 decimals, as in the lecture)</source>
        <translation>Арифметика слайдов (2–3 знака после запятой, как в лекции)</translation>
    </message>
    <message>
        <source>Off: exact float64 numbers; hover a number to see every digit.</source>
        <translation>Выключено: точные числа float64; наведите на число, чтобы увидеть все цифры.</translation>
    </message>
    <message>
        <source>Check with finite differences</source>
        <translation>Проверить конечными разностями</translation>
    </message>
    <message>
        <source>Nudge the selected weight up and down and compare the change of the cost with the gradient from backpropagation.</source>
        <translation>Немного увеличить и уменьшить выбранный вес и сравнить изменение функции стоимости ошибки с градиентом, найденным обратным распространением ошибки.</translation>
    </message>
    <message>
        <source>Lecture example</source>
        <translation>Пример из лекции</translation>
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation>Шаг %1 из %2</translation>
    </message>
    <message>
        <source>No sample: load the lecture example or pick a sample to step through.</source>
        <translation>Нет примера: загрузите пример из лекции или выберите пример, чтобы пройти его по шагам.</translation>
    </message>
    <message>
        <source>Exact value: %1</source>
        <translation>Точное значение: %1</translation>
    </message>
    <message>
        <source>They agree.</source>
        <translation>Они совпадают.</translation>
    </message>
    <message>
        <source>They differ: near a kink of ReLU the difference formula does not apply.</source>
        <translation>Они различаются: вблизи излома ReLU разностная формула неприменима.</translation>
    </message>
    <message>
        <source>%1 — backpropagation: %2; finite differences: %3; relative difference: %4. %5</source>
        <translation>%1 — обратное распространение ошибки: %2; конечные разности: %3; относительная разница: %4. %5</translation>
    </message>
    <message>
        <source>quadratic cost</source>
        <translation>квадратичная функция стоимости ошибки</translation>
    </message>
    <message>
        <source>cross-entropy cost</source>
        <translation>функция стоимости ошибки «перекрёстная энтропия»</translation>
    </message>
    <message>
        <source>&lt;b&gt;Sample:&lt;/b&gt; %1 — network %2, %3</source>
        <translation>&lt;b&gt;Пример:&lt;/b&gt; %1 — сеть %2, %3</translation>
    </message>
    <message>
        <source>This network is large, so the steps follow only %1 and what is needed to compute it. Click another weight on the network to follow it.</source>
        <translation>Сеть большая, поэтому шаги показывают только %1 и то, что нужно для его вычисления. Щёлкните другой вес на схеме сети, чтобы проследить за ним.</translation>
    </message>
    <message>
        <source>Press “Next step” (or →) to start: first the forward pass, neuron by neuron.</source>
        <translation>Нажмите «Следующий шаг» (или →), чтобы начать: сначала прямое распространение, нейрон за нейроном.</translation>
    </message>
    <message>
        <source>Step %1.</source>
        <translation>Шаг %1.</translation>
    </message>
    <message>
        <source>the sample stepped through in Backpropagation</source>
        <translation>пройденный по шагам в «Обратном распространении»</translation>
    </message>
</context>
<context>
    <name>CanvasLegend</name>
    <message>
        <source>weight w &gt; 0</source>
        <translation>вес w &gt; 0</translation>
    </message>
    <message>
        <source>weight w &lt; 0</source>
        <translation>вес w &lt; 0</translation>
    </message>
    <message>
        <source>thicker: larger |w|</source>
        <translation>толще: больше |w|</translation>
    </message>
    <message>
        <source>fill: activation a</source>
        <translation>заливка: активация a</translation>
    </message>
</context>
<context>
    <name>ClassChooser</name>
    <message>
        <source>Click adds class:</source>
        <translation>Щелчок ставит класс:</translation>
    </message>
    <message>
        <source>Class {k}: a left click on the plane adds a point of this class, a right click removes the nearest point. Keys 0–9 choose a class.</source>
        <translation>Класс {k}: щелчок левой кнопкой по плоскости добавляет точку этого класса, правой — удаляет ближайшую точку. Клавиши 0–9 выбирают класс.</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Очистить</translation>
    </message>
    <message>
        <source>Remove every point, to draw a data set of your own (Undo brings them back)</source>
        <translation>Убрать все точки, чтобы нарисовать свой набор данных (Отменить вернёт их)</translation>
    </message>
</context>
<context>
    <name>ConfusionMatrix</name>
    <message>
        <source>answered</source>
        <translation>ответ</translation>
    </message>
    <message>
        <source>true</source>
        <translation>на самом деле</translation>
    </message>
    <message>
        <source>Right: recall, %. Bottom: precision, %.</source>
        <translation>Справа — полнота, %; внизу — точность, %.</translation>
    </message>
    <message>
        <source>Precision of %1: of the digits answered %1, the share that are %1.</source>
        <translation>Точность для %1: из цифр с ответом %1 — доля тех, что и есть %1.</translation>
    </message>
    <message>
        <source>Recall of %1: of the digits that are %1, the share answered %1.</source>
        <translation>Полнота для %1: из цифр %1 — доля тех, на которые сеть ответила %1.</translation>
    </message>
    <message>
        <source>True %1, answered %2: %3</source>
        <translation>На самом деле %1, ответ %2: %3</translation>
    </message>
</context>
<context>
    <name>ConvCommands</name>
    <message>
        <source>Add convolution</source>
        <translation>Добавить свёртку</translation>
    </message>
    <message>
        <source>Add pooling</source>
        <translation>Добавить пулинг</translation>
    </message>
    <message>
        <source>Remove layer</source>
        <translation>Удалить слой</translation>
    </message>
    <message>
        <source>Change filter count</source>
        <translation>Изменить число фильтров</translation>
    </message>
    <message>
        <source>Change kernel size</source>
        <translation>Изменить размер ядра</translation>
    </message>
    <message>
        <source>Change pooling size</source>
        <translation>Изменить размер пулинга</translation>
    </message>
</context>
<context>
    <name>ConvEditor</name>
    <message>
        <source>Filters</source>
        <translation>Фильтры</translation>
    </message>
    <message>
        <source>Filters (feature maps) of the convolution making a{0}:</source>
        <translation>Фильтров (карт признаков) у свёртки, дающей a{0}:</translation>
    </message>
    <message>
        <source>Kernel size</source>
        <translation>Размер ядра</translation>
    </message>
    <message>
        <source>Kernels are k×k; new kernels start fresh. k:</source>
        <translation>Ядра k×k; новые ядра начинают со случайных весов. k:</translation>
    </message>
    <message>
        <source>Pooling size</source>
        <translation>Размер пулинга</translation>
    </message>
    <message>
        <source>The pooling keeps the largest of each p×p block. p:</source>
        <translation>Пулинг оставляет наибольшее число каждого блока p×p. p:</translation>
    </message>
    <message>
        <source>Other size…</source>
        <translation>Другой размер…</translation>
    </message>
    <message>
        <source>Filters…</source>
        <translation>Фильтры…</translation>
    </message>
    <message>
        <source>Insert convolution before</source>
        <translation>Вставить свёртку перед</translation>
    </message>
    <message>
        <source>Insert pooling before</source>
        <translation>Вставить пулинг перед</translation>
    </message>
    <message>
        <source>Insert convolution after</source>
        <translation>Вставить свёртку после</translation>
    </message>
    <message>
        <source>Insert pooling after</source>
        <translation>Вставить пулинг после</translation>
    </message>
    <message>
        <source>Remove this convolution</source>
        <translation>Удалить эту свёртку</translation>
    </message>
    <message>
        <source>Remove this pooling</source>
        <translation>Удалить этот пулинг</translation>
    </message>
    <message>
        <source>This change can&apos;t be made</source>
        <translation>Это изменение невозможно</translation>
    </message>
</context>
<context>
    <name>ConvLinks</name>
    <message>
        <source>flatten</source>
        <translation>в вектор</translation>
    </message>
</context>
<context>
    <name>ConvRefusal</name>
    <message>
        <source>Convolutions need an image input; these {n} inputs are not an image.</source>
        <translation>Свёрткам нужен вход-изображение; эти {n} входов — не изображение.</translation>
    </message>
    <message>
        <source>A kernel is 1×1 to {max}×{max}; {k}×{k} is not possible.</source>
        <translation>Ядро бывает от 1×1 до {max}×{max}; {k}×{k} невозможно.</translation>
    </message>
    <message>
        <source>A convolution has 1 to {max} filters; {filters} is not possible.</source>
        <translation>У свёртки от 1 до {max} фильтров; {filters} невозможно.</translation>
    </message>
    <message>
        <source>Pooling blocks are 2×2 to {max}×{max}; {p}×{p} is not possible.</source>
        <translation>Блоки пулинга бывают от 2×2 до {max}×{max}; {p}×{p} невозможно.</translation>
    </message>
    <message>
        <source>Layer {L}&apos;s {k}×{k} kernels would be bigger than the {h}×{w} maps they slide over.</source>
        <translation>Ядра {k}×{k} слоя {L} оказались бы больше карт {h}×{w}, по которым они скользят.</translation>
    </message>
    <message>
        <source>Layer {L}&apos;s {p}×{p} pooling needs maps of at least {p}×{p}; it would get {h}×{w}.</source>
        <translation>Пулингу {p}×{p} слоя {L} нужны карты не меньше {p}×{p}, а он получил бы {h}×{w}.</translation>
    </message>
    <message>
        <source>Layer {L}&apos;s maps would hold {n} numbers per image, more than {max}: use fewer filters or pool first.</source>
        <translation>Карты слоя {L} содержали бы {n} чисел на изображение, больше {max}: возьмите меньше фильтров или сначала пулинг.</translation>
    </message>
    <message>
        <source>Layer {L}&apos;s {k}×{k} kernels over {c} maps would copy {n} numbers per image, more than {max}: use fewer filters before it or a smaller kernel.</source>
        <translation>Ядра {k}×{k} слоя {L} поверх {c} карт копировали бы {n} чисел на изображение, больше {max}: возьмите меньше фильтров перед ним или ядро поменьше.</translation>
    </message>
    <message>
        <source>The first dense layer would have {n} weights ({inputs} numbers from the maps × {neurons} neurons), more than {max}: pool first, or use fewer filters.</source>
        <translation>У первого полносвязного слоя было бы {n} весов ({inputs} чисел из карт × {neurons} нейронов), больше {max}: сначала пулинг или меньше фильтров.</translation>
    </message>
    <message>
        <source>A network has at most {max} convolutions and poolings.</source>
        <translation>В сети не больше {max} свёрток и пулингов.</translation>
    </message>
    <message>
        <source>There is no convolution or pooling at layer {L}.</source>
        <translation>В слое {L} нет ни свёртки, ни пулинга.</translation>
    </message>
    <message>
        <source>Layer {L} is a pooling: it has no kernels or filters to change.</source>
        <translation>Слой {L} — пулинг: у него нет ядер и фильтров, которые можно менять.</translation>
    </message>
    <message>
        <source>Layer {L} is a convolution: it has no pooling block size to change.</source>
        <translation>Слой {L} — свёртка: у него нет размера блока пулинга.</translation>
    </message>
    <message>
        <source>A new layer can go at layers 1 to {max}, not {L}.</source>
        <translation>Новый слой можно вставить на места с 1 по {max}, но не {L}.</translation>
    </message>
</context>
<context>
    <name>ConvScene</name>
    <message>
        <source>+ conv</source>
        <translation>+ свёртка</translation>
    </message>
    <message>
        <source>Insert a convolution here: filters sliding over the maps before</source>
        <translation>Вставить здесь свёртку: фильтры, скользящие по предыдущим картам</translation>
    </message>
    <message>
        <source>+ pool</source>
        <translation>+ пулинг</translation>
    </message>
    <message>
        <source>Insert a 2×2 max pooling here: each map half as wide and high</source>
        <translation>Вставить здесь max-пулинг 2×2: каждая карта вдвое уже и ниже</translation>
    </message>
</context>
<context>
    <name>ConvSteps</name>
    <message>
        <source>Forward pass, pixel (%y, %x) of map %f in layer %L. This pixel is a neuron that sees only a %k×%k window of layer %P (rows %r, columns %s). Each input a under the window is multiplied by the kernel weight w over it (each cell: a·w = the product); the products and the bias b add up to z.</source>
        <translation>Прямое распространение, пиксель (%y, %x) карты %f слоя %L. Этот пиксель — нейрон, который видит только окно %k×%k слоя %P (строки %r, столбцы %s). Каждый вход a под окном умножается на вес ядра w над ним (в каждой клетке: a·w = произведение); произведения и коэффициент смещения b в сумме дают z.</translation>
    </message>
    <message>
        <source>The window goes through all %C channels of layer %P; the grid shows channel %c (choose another above it). The sums of every channel and the bias make z.</source>
        <translation>Окно проходит через все %C каналов слоя %P; в таблице — канал %c (другой можно выбрать над ней). Суммы всех каналов и коэффициент смещения дают z.</translation>
    </message>
    <message>
        <source>Grey cells lie outside the image: “same” padding puts zeros there, so they add nothing.</source>
        <translation>Серые клетки лежат за краем изображения: дополнение «same» ставит туда нули, поэтому они ничего не добавляют.</translation>
    </message>
    <message>
        <source>The activation function turns z into the pixel&apos;s value a, as for any neuron.</source>
        <translation>Функция активации превращает z в значение пикселя a, как у любого нейрона.</translation>
    </message>
    <message>
        <source>The %p×%p max pooling keeps only the largest value of each block. This pixel&apos;s block (the winner in colour, this pixel in bold) becomes one pixel of layer %N.</source>
        <translation>Макс-пулинг %p×%p оставляет только наибольшее значение каждого блока. Блок этого пикселя (победитель выделен цветом, этот пиксель — жирным) становится одним пикселем слоя %N.</translation>
    </message>
    <message>
        <source>This pixel won its block: its value goes on to layer %N.</source>
        <translation>Этот пиксель победил в своём блоке: его значение идёт дальше, в слой %N.</translation>
    </message>
    <message>
        <source>This pixel did not win: its value is dropped, and a small change of it does not change the cost at all.</source>
        <translation>Этот пиксель не победил: его значение отбрасывается, и небольшое его изменение вовсе не меняет функцию стоимости ошибки.</translation>
    </message>
    <message>
        <source>The pooling drops an odd last row or column of the map, and this pixel is in it: nothing after this layer reads it.</source>
        <translation>Пулинг отбрасывает нечётную последнюю строку или столбец карты, а этот пиксель в ней: дальше этого слоя его никто не читает.</translation>
    </message>
    <message>
        <source>Backpropagation through the pooling: the pooled pixel&apos;s ∂C/∂a (from the layers above, computed like the dense step-through&apos;s) goes to the winner only; the other pixels of the block get 0.</source>
        <translation>Обратное распространение через пулинг: ∂C/∂a пикселя после пулинга (из следующих слоёв, вычисленная так же, как в пошаговом разборе полносвязной сети) достаётся только победителю; остальные пиксели блока получают 0.</translation>
    </message>
    <message>
        <source>Nothing after this layer reads the pixel, so the cost does not depend on it: ∂C/∂a = 0.</source>
        <translation>Дальше этого слоя пиксель никто не читает, поэтому функция стоимости от него не зависит: ∂C/∂a = 0.</translation>
    </message>
    <message>
        <source>This pixel feeds every window of the next convolution that covers it: its ∂C/∂a adds up δ·w over those windows.</source>
        <translation>Этот пиксель попадает во все окна следующей свёртки, которые его накрывают: его ∂C/∂a — сумма δ·w по этим окнам.</translation>
    </message>
    <message>
        <source>The maps are flattened into the input of the dense layers: this pixel&apos;s ∂C/∂a adds up δ·w over every neuron of the first dense layer, as in the dense step-through.</source>
        <translation>Карты вытягиваются в вектор — вход полносвязных слоёв: ∂C/∂a этого пикселя — сумма δ·w по всем нейронам первого полносвязного слоя, как в пошаговом разборе полносвязной сети.</translation>
    </message>
    <message>
        <source>δ = ∂C/∂z of this pixel: ∂C/∂a times the derivative of the activation function at z.</source>
        <translation>δ = ∂C/∂z этого пикселя: ∂C/∂a, умноженная на производную функции активации в точке z.</translation>
    </message>
    <message>
        <source>This pixel&apos;s share of the kernel&apos;s gradient: each weight&apos;s is δ times the input a under it (each cell: δ·a); the bias&apos;s input is 1, so its share is δ.</source>
        <translation>Вклад этого пикселя в градиент ядра: для каждого веса это δ, умноженное на вход a под ним (в каждой клетке: δ·a); вход коэффициента смещения равен 1, поэтому его вклад — δ.</translation>
    </message>
    <message>
        <source>δ is 0 here, so this pixel adds nothing to the kernel&apos;s gradient for this sample.</source>
        <translation>Здесь δ = 0, поэтому этот пиксель ничего не добавляет к градиенту ядра на этом примере.</translation>
    </message>
    <message>
        <source>δ also flows back through the kernel to layer %P: each input under the window gets δ·w (each cell). Layer %P adds up what every window covering a pixel sends: that pixel&apos;s ∂C/∂a, and backpropagation goes on from there.</source>
        <translation>δ идёт и дальше назад, через ядро в слой %P: каждый вход под окном получает δ·w (в каждой клетке). Слой %P складывает то, что присылают все окна, накрывающие пиксель: это ∂C/∂a этого пикселя, и обратное распространение ошибки продолжается оттуда.</translation>
    </message>
    <message>
        <source>δ also flows back through the kernel to the input image: each pixel under the window gets δ·w (each cell). The image has no weights, so backpropagation ends here; these numbers only say which input pixels would change the cost.</source>
        <translation>δ идёт и дальше назад, через ядро во входное изображение: каждый пиксель под окном получает δ·w (в каждой клетке). У изображения нет весов, поэтому обратное распространение ошибки здесь заканчивается; эти числа лишь показывают, какие входные пиксели изменили бы функцию стоимости.</translation>
    </message>
    <message>
        <source>The kernel is shared by all %m pixels of map %f, so its gradient for this sample is the sum of every pixel&apos;s share (%n of them have δ ≠ 0). Gradient descent moves each weight against it: w − η·∂C/∂w (each cell: the new weight).</source>
        <translation>Ядро общее для всех %m пикселей карты %f, поэтому его градиент на этом примере — сумма вкладов всех пикселей (у %n из них δ ≠ 0). Градиентный спуск сдвигает каждый вес против градиента: w − η·∂C/∂w (в каждой клетке — новый вес).</translation>
    </message>
    <message>
        <source>Every kernel and weight of the network takes its new value in the same way: the network has learned from this sample (Ctrl+Z or “Back” undoes it).</source>
        <translation>Так же новое значение получают все ядра и веса сети: сеть научилась на этом примере (Ctrl+Z или «Назад» отменяют это).</translation>
    </message>
    <message>
        <source>Press “Next step” (or →) to start: first the pixel&apos;s window, number by number.</source>
        <translation>Нажмите «Следующий шаг» (или →), чтобы начать: сначала окно пикселя, число за числом.</translation>
    </message>
    <message>
        <source>Following pixel (%y, %x) of map %f in layer %L (a %k×%k convolution). Click a pixel of a feature map on the network to follow another one.</source>
        <translation>Разбираем пиксель (%y, %x) карты %f слоя %L (свёртка %k×%k). Щёлкните пиксель карты признаков на схеме сети, чтобы разобрать другой.</translation>
    </message>
    <message>
        <source>No sample: draw a digit and press “Step through backpropagation”, or pick a sample.</source>
        <translation>Нет примера: нарисуйте цифру и нажмите «Обратное распространение по шагам» или выберите пример.</translation>
    </message>
    <message>
        <source>Input channel shown:</source>
        <translation>Показан входной канал:</translation>
    </message>
</context>
<context>
    <name>DecisionBoundaryView</name>
    <message>
        <source>The decision boundary needs a network with 2 inputs; this one has {n}.</source>
        <translation>Для границы решений нужна сеть с 2 входами; у этой сети их {n}.</translation>
    </message>
</context>
<context>
    <name>DivergenceBanner</name>
    <message>
        <source>Training collapsed to chance level: at learning rate η = %1 the network gives the same answer whatever the input, like guessing. Its neurons no longer respond to the input (a step w ← w − η·∇C too large pushed them there), and no learning rate can revive them. Start again from fresh random weights with a smaller learning rate.</source>
        <translation>Обучение свелось к угадыванию: при шаге обучения η = %1 сеть даёт один и тот же ответ на любой вход, как при случайном угадывании. Её нейроны больше не реагируют на вход (их туда отбросил слишком большой шаг w ← w − η·∇C), и никакой шаг обучения их не оживит. Начните заново со случайных весов и меньшего шага обучения.</translation>
    </message>
    <message>
        <source>Training collapsed to chance level: with learning rate η = %1 the steps w ← w − η·∇C pushed the neurons to where they no longer respond to the input, and the network gave the same answer for every input, like guessing. The weights were put back to the start of the epoch. Try a smaller learning rate.</source>
        <translation>Обучение свелось к угадыванию: при шаге обучения η = %1 шаги w ← w − η·∇C отбросили нейроны туда, где они больше не реагируют на вход, и сеть давала один и тот же ответ на любой вход, как при угадывании. Веса возвращены к началу эпохи. Попробуйте меньший шаг обучения.</translation>
    </message>
    <message>
        <source>Training diverged: the network saturated. With learning rate η = %1 the steps w ← w − η·∇C threw the neurons&apos; outputs onto their limits, where σ′ = 0 and nothing learns any more; the cost stays far above where it started, though no number became infinite. The weights were put back to the start of the epoch. Try a smaller learning rate.</source>
        <translation>Обучение разошлось: сеть насытилась. При шаге обучения η = %1 шаги w ← w − η·∇C отбросили выходы нейронов к их пределам, где σ′ = 0 и обучение останавливается; функция стоимости ошибки остаётся намного выше, чем в начале, хотя ни одно число не стало бесконечным. Веса возвращены к началу эпохи. Попробуйте меньший шаг обучения.</translation>
    </message>
    <message>
        <source>Training diverged: the cost became infinite. With learning rate η = %1 each step w ← w − η·∇C jumps too far, past the minimum, and the weights blow up. The weights were put back to the start of the epoch. Try a smaller learning rate.</source>
        <translation>Обучение разошлось: функция стоимости ошибки стала бесконечной. При шаге обучения η = %1 каждый шаг w ← w − η·∇C перепрыгивает минимум, и веса неограниченно растут. Веса возвращены к началу эпохи. Попробуйте меньший шаг обучения.</translation>
    </message>
    <message>
        <source>Reset, use η = %1 and train again</source>
        <translation>Сбросить, взять η = %1 и обучить снова</translation>
    </message>
    <message>
        <source>Use η = %1 and train again</source>
        <translation>Взять η = %1 и обучить снова</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
</context>
<context>
    <name>DrawDock</name>
    <message>
        <source>the digit you drew</source>
        <translation>ваш рисунок</translation>
    </message>
    <message>
        <source>Brush</source>
        <translation>Кисть</translation>
    </message>
    <message>
        <source>Width of the brush</source>
        <translation>Толщина кисти</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Очистить</translation>
    </message>
    <message>
        <source>Clear the drawing (right-click or Esc on the pad)</source>
        <translation>Очистить рисунок (правая кнопка мыши или Esc на поле)</translation>
    </message>
    <message>
        <source>What the network sees (28×28):</source>
        <translation>Что видит сеть (28×28):</translation>
    </message>
    <message>
        <source>What the network sees: %1</source>
        <translation>Что видит сеть: %1</translation>
    </message>
    <message>
        <source>It is a</source>
        <translation>Это цифра</translation>
    </message>
    <message>
        <source>The digit you meant: the target t for backpropagation</source>
        <translation>Цифра, которую вы имели в виду: ожидаемое значение t для обратного распространения ошибки</translation>
    </message>
    <message>
        <source>Pick in “It is a” the digit you meant.</source>
        <translation>Выберите в «Это цифра», что вы рисовали.</translation>
    </message>
    <message>
        <source>Step through backpropagation</source>
        <translation>Обратное распространение по шагам</translation>
    </message>
    <message>
        <source>Follow this drawing through the network and back, number by number, with the chosen digit as the target</source>
        <translation>Провести этот рисунок через сеть и обратно, число за числом, с выбранной цифрой как ожидаемым значением t</translation>
    </message>
    <message>
        <source>Drawing needs a network with 784 inputs (28×28) and 10 outputs; this one is {sizes}.</source>
        <translation>Для рисования нужна сеть с 784 входами (28×28) и 10 выходами; у этой сети {sizes}.</translation>
    </message>
</context>
<context>
    <name>DrawPad</name>
    <message>
        <source>Draw a digit. Right-click or Esc clears.</source>
        <translation>Нарисуйте цифру. Правая кнопка мыши или Esc очищает.</translation>
    </message>
    <message>
        <source>Draw a digit here</source>
        <translation>Нарисуйте цифру здесь</translation>
    </message>
</context>
<context>
    <name>EdgeBundle</name>
    <message>
        <source>{shown} strongest
of {total} weights</source>
        <translation>{shown} сильнейших
из {total} весов</translation>
    </message>
</context>
<context>
    <name>EditorCommands</name>
    <message>
        <source>Add hidden layer</source>
        <translation>Добавить скрытый слой</translation>
    </message>
    <message>
        <source>Remove hidden layer</source>
        <translation>Удалить скрытый слой</translation>
    </message>
    <message>
        <source>Change neuron count</source>
        <translation>Изменить число нейронов</translation>
    </message>
    <message>
        <source>Change activation function</source>
        <translation>Изменить функцию активации</translation>
    </message>
    <message>
        <source>Change weight</source>
        <translation>Изменить вес</translation>
    </message>
    <message>
        <source>Change bias</source>
        <translation>Изменить коэффициент смещения</translation>
    </message>
    <message>
        <source>Backpropagation update</source>
        <translation>Шаг обновления весов (обратное распространение ошибки)</translation>
    </message>
</context>
<context>
    <name>EngineText</name>
    <message>
        <source>is not an .npz archive (a zip of .npy arrays)</source>
        <translation>не архив .npz (zip-архив массивов .npy)</translation>
    </message>
    <message>
        <source>is a damaged .npz archive (%1)</source>
        <translation>повреждённый архив .npz (%1)</translation>
    </message>
    <message>
        <source>is a damaged gzip file (%1)</source>
        <translation>повреждённый файл gzip (%1)</translation>
    </message>
    <message>
        <source>is too short for an IDX file (%1 bytes)</source>
        <translation>слишком короткий для файла IDX (байт: %1)</translation>
    </message>
    <message>
        <source>is not an IDX file (an IDX file starts with two zero bytes)</source>
        <translation>не файл IDX (файл IDX начинается с двух нулевых байтов)</translation>
    </message>
    <message>
        <source>is truncated inside its %1-byte IDX header</source>
        <translation>обрывается внутри своего заголовка IDX (%1 байт)</translation>
    </message>
    <message>
        <source>is truncated: its header declares %1 = %2 data bytes but only %3 follow</source>
        <translation>обрывается: заголовок обещает %1 = %2 байт данных, а за ним только %3</translation>
    </message>
    <message>
        <source>has more data than the %1 = %2 bytes its header declares</source>
        <translation>содержит больше данных, чем %1 = %2 байт, обещанных заголовком</translation>
    </message>
    <message>
        <source>is truncated: %1 is missing data</source>
        <translation>обрывается: массиву %1 не хватает данных</translation>
    </message>
    <message>
        <source>holds an array of %1; MNIST images are n×28×28</source>
        <translation>содержит массив %1, а изображения MNIST — это n×28×28</translation>
    </message>
    <message>
        <source>holds an array of %1; MNIST labels are a list of n digits</source>
        <translation>содержит массив %1, а метки MNIST — это список из n цифр</translation>
    </message>
    <message>
        <source>has %1 labels for the %2 images in %3</source>
        <translation>меток в нём %1, а изображений в %3 — %2</translation>
    </message>
    <message>
        <source>label %1 at index %2 is not a digit 0..9</source>
        <translation>метка %1 под номером %2 — не цифра 0..9</translation>
    </message>
    <message>
        <source>has %1 but no %2 to go with it</source>
        <translation>есть %1, но нет парного к нему %2</translation>
    </message>
    <message>
        <source>holds no MNIST files (train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte, raw or .gz)</source>
        <translation>не содержит файлов MNIST (train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte, несжатых или .gz)</translation>
    </message>
    <message>
        <source>holds only test digits (t10k files); training needs the train files</source>
        <translation>содержит только тестовые цифры (файлы t10k), а для обучения нужны файлы train</translation>
    </message>
    <message>
        <source>%1 holds %2×%3 images; nndesk&apos;s digit networks take 28×28 (MNIST&apos;s size), so resize them first</source>
        <translation>в %1 изображения %2×%3, а сети nndesk для цифр принимают 28×28 (размер MNIST): сначала измените их размер</translation>
    </message>
    <message>
        <source>%1 has shape %2; expected (n, 28, 28) or (n, 784)</source>
        <translation>%1 имеет форму %2, а нужна (n, 28, 28) или (n, 784)</translation>
    </message>
    <message>
        <source>%1 holds no images</source>
        <translation>в %1 нет ни одного изображения</translation>
    </message>
    <message>
        <source>%1 has shape %2 for %3 images in %4; expected one label each, %5</source>
        <translation>%1 имеет форму %2 на %3 изображений в %4, а нужна одна метка на изображение, %5</translation>
    </message>
    <message>
        <source>%1 has a NaN or infinite pixel in image %2</source>
        <translation>в %1 есть пиксель NaN или бесконечность (изображение %2)</translation>
    </message>
    <message>
        <source>%1 pixel values span %2..%3; expected 0..255 (or 0..1 for floats)</source>
        <translation>пиксели %1 принимают значения %2..%3, а нужны 0..255 (или 0..1 для дробных)</translation>
    </message>
    <message>
        <source>%1[%2] = %3 is not a whole-number digit label 0..9</source>
        <translation>%1[%2] = %3 — не целая метка-цифра 0..9</translation>
    </message>
    <message>
        <source>%1[%2] = %3 is not a digit label 0..9</source>
        <translation>%1[%2] = %3 — не метка-цифра 0..9</translation>
    </message>
    <message>
        <source>holds %1; expected x_train, y_train, x_test, y_test (as in Keras&apos; mnist.npz) or x, y</source>
        <translation>содержит %1, а нужны x_train, y_train, x_test, y_test (как в mnist.npz из Keras) или x, y</translation>
    </message>
    <message>
        <source>has the array %1 but no %2</source>
        <translation>есть массив %1, но нет %2</translation>
    </message>
    <message>
        <source>holds an unexpected array %1 (nndesk reads %2)</source>
        <translation>содержит лишний массив %1 (nndesk читает %2)</translation>
    </message>
    <message>
        <source>stores %1 as Python objects, which would need unpickling; nndesk reads only plain number arrays</source>
        <translation>хранит %1 как объекты Python, а их чтение потребовало бы unpickling; nndesk читает только массивы чисел</translation>
    </message>
    <message>
        <source>stores %1 as %2 values; expected numbers (%3)</source>
        <translation>хранит %1 как значения типа %2, а нужны числа (%3)</translation>
    </message>
    <message>
        <source>holds %1 MB of arrays in all, more than nndesk reads (%2 MB: half of the %3 MB free now)</source>
        <translation>содержит массивы общим объёмом %1 МБ — больше, чем читает nndesk (%2 МБ: половина из %3 МБ, свободных сейчас)</translation>
    </message>
    <message>
        <source>holds %1 MB of arrays in all, more than nndesk reads (%2 MB)</source>
        <translation>содержит массивы общим объёмом %1 МБ — больше, чем читает nndesk (%2 МБ)</translation>
    </message>
    <message>
        <source>cannot open it: %1</source>
        <translation>не открывается: %1</translation>
    </message>
    <message>
        <source>cannot open it: it is %1, not a regular file</source>
        <translation>не открывается: это %1, а не обычный файл</translation>
    </message>
    <message>
        <source>is neither a data set name nor an existing file or folder; choose one of %1, or give an .npz file or a folder of MNIST IDX files</source>
        <translation>не имя набора данных и не существующий файл или папка; выберите один из наборов %1 или укажите файл .npz либо папку с файлами MNIST IDX</translation>
    </message>
    <message>
        <source>no drawings saved yet (%1 is missing or empty); draw digits in the window&apos;s Draw dock and press Add to my digits</source>
        <translation>рисунков пока не сохранено (%1 нет или он пуст); нарисуйте цифры на панели «Нарисуйте цифру» в окне и нажмите «Добавить в мои цифры»</translation>
    </message>
    <message>
        <source>is not an nndesk model file (not an .npz archive)</source>
        <translation>не файл модели nndesk (не архив .npz)</translation>
    </message>
    <message>
        <source>is not an nndesk model file (an .npz archive without nndesk&apos;s metadata)</source>
        <translation>не файл модели nndesk (архив .npz без метаданных nndesk)</translation>
    </message>
    <message>
        <source>is not an nndesk model file (its metadata is another program&apos;s)</source>
        <translation>не файл модели nndesk (в нём метаданные другой программы)</translation>
    </message>
    <message>
        <source>was saved by a newer nndesk (%1, model format %2; this nndesk %3 reads up to %4); update nndesk</source>
        <translation>сохранён более новой версией nndesk (%1, формат модели %2; эта версия nndesk %3 читает форматы до %4): обновите nndesk</translation>
    </message>
    <message>
        <source>is missing the array %1</source>
        <translation>в нём нет массива %1</translation>
    </message>
    <message>
        <source>has %1 of shape %2 (%3); the layer sizes need %4 %5</source>
        <translation>массив %1 имеет форму %2 (%3), а размеры слоёв требуют %4 %5</translation>
    </message>
    <message>
        <source>has NaN or infinite values in %1</source>
        <translation>в %1 есть NaN или бесконечности</translation>
    </message>
    <message>
        <source>has metadata that is not valid JSON (%1)</source>
        <translation>содержит метаданные с ошибкой JSON (%1)</translation>
    </message>
    <message>
        <source>describes convolutions in a format older than they are (version &lt; 2)</source>
        <translation>описывает свёртки в формате старше, чем они сами (версия &lt; 2)</translation>
    </message>
    <message>
        <source>has an invalid input shape %1 for its convolutions</source>
        <translation>задаёт для свёрток недопустимую форму входа %1</translation>
    </message>
    <message>
        <source>has an invalid list of convolution layers %1</source>
        <translation>содержит недопустимый список слоёв свёртки %1</translation>
    </message>
    <message>
        <source>has convolution layers that can&apos;t be built: %1</source>
        <translation>содержит слои свёртки, которые нельзя построить: %1</translation>
    </message>
    <message>
        <source>has convolution activations %1 that don&apos;t match its layers</source>
        <translation>содержит функции активации свёрток %1, которые не соответствуют её слоям</translation>
    </message>
    <message>
        <source>uses an unknown activation %1 in a convolution</source>
        <translation>использует в свёртке неизвестную функцию активации %1</translation>
    </message>
    <message>
        <source>is empty; a CSV table has rows of numbers, the class label last (x1,x2,…,label)</source>
        <translation>пуст; таблица CSV — это строки чисел, последним идёт номер класса (x1,x2,…,метка)</translation>
    </message>
    <message>
        <source>is a binary file, not a CSV text table (rows like 0.5,1.2,0)</source>
        <translation>двоичный файл, а не текстовая таблица CSV (строки вида 0.5,1.2,0)</translation>
    </message>
    <message>
        <source>line %1 has %2 values but the first row has %3; every row needs the same columns, the class label last</source>
        <translation>в строке %1 значений %2, а в первой строке %3; во всех строках должны быть одни и те же столбцы, последним — номер класса</translation>
    </message>
    <message>
        <source>line %1 has %2 values but the header has %3; every row needs the same columns, the class label last</source>
        <translation>в строке %1 значений %2, а в заголовке %3; во всех строках должны быть одни и те же столбцы, последним — номер класса</translation>
    </message>
    <message>
        <source>line %1, column %2: %3 is not a number</source>
        <translation>строка %1, столбец %2: %3 — не число</translation>
    </message>
    <message>
        <source>line %1, column %2: %3 is not a finite number (NaN and infinity can&apos;t be learned from)</source>
        <translation>строка %1, столбец %2: %3 — не конечное число (на NaN и бесконечности учиться нельзя)</translation>
    </message>
    <message>
        <source>has only the class %1 in its label column (the last); a classifier needs at least two classes</source>
        <translation>в столбце меток (последнем) есть только класс %1; классификатору нужны хотя бы два класса</translation>
    </message>
    <message>
        <source>[Errno %1] %2: %3</source>
        <translation>%2: %3</translation>
    </message>
    <message>
        <source>[Errno %1] %2</source>
        <translation>%2</translation>
    </message>
    <message>
        <source>learning rate must be positive, got %1</source>
        <translation>шаг обучения должен быть больше нуля, а задан %1</translation>
    </message>
    <message>
        <source>momentum must be in [0, 1), got %1</source>
        <translation>момент должен быть в [0, 1), а задан %1</translation>
    </message>
    <message>
        <source>L2 must be ≥ 0, got %1</source>
        <translation>L2 должен быть ≥ 0, а задан %1</translation>
    </message>
    <message>
        <source>batch size and epochs must be ≥ 1</source>
        <translation>размер мини-пакета и число эпох должны быть ≥ 1</translation>
    </message>
    <message>
        <source>epochs must be a whole number from 1 to %1, got %2</source>
        <translation>число эпох должно быть целым от 1 до %1, а задано %2</translation>
    </message>
    <message>
        <source>the batch size must be a whole number from 1 to %1, got %2</source>
        <translation>размер мини-пакета должен быть целым от 1 до %1, а задан %2</translation>
    </message>
    <message>
        <source>L2 (λ) must be from 0 to %1, got %2</source>
        <translation>L2 (λ) должен быть от 0 до %1, а задан %2</translation>
    </message>
    <message>
        <source>hidden layers must be at most %1 sizes of 1..%2 neurons, got %3</source>
        <translation>скрытых слоёв должно быть не больше %1, в каждом от 1 до %2 нейронов, а задано %3</translation>
    </message>
    <message>
        <source>the tolerance must be a number ≥ 0, got %1</source>
        <translation>допуск должен быть числом ≥ 0, а задан %1</translation>
    </message>
    <message>
        <source>training diverged in epoch %1 (first in layer %2): the cost became infinite or NaN with learning rate %3; weights were restored to the start of the epoch; try a smaller learning rate such as %4</source>
        <translation>обучение разошлось в эпохе %1 (сначала в слое %2): функция стоимости ошибки стала бесконечной или NaN при шаге обучения %3; веса возвращены к началу эпохи; попробуйте шаг обучения поменьше, например %4</translation>
    </message>
    <message>
        <source>training diverged in epoch %1: the network saturated with learning rate %2 — its cost rose from %3 at the start to %4, though no number became infinite; weights were restored to the start of the epoch; try a smaller learning rate such as %5</source>
        <translation>обучение разошлось в эпохе %1: сеть насытилась при шаге обучения %2 — её функция стоимости ошибки выросла с %3 в начале до %4, хотя ни одно число не стало бесконечным; веса возвращены к началу эпохи; попробуйте шаг обучения поменьше, например %5</translation>
    </message>
    <message>
        <source>training diverged in epoch %1: the network saturated with learning rate %2 — %3 of its outputs are pinned at their limits, where σ′ = 0 and nothing learns, and its cost %4 is no better than always guessing the average answer (%5); weights were restored to the start of the epoch; try a smaller learning rate such as %6</source>
        <translation>обучение разошлось в эпохе %1: сеть насытилась при шаге обучения %2 — %3 её выходов прижаты к своим пределам, где σ′ = 0 и ничто не учится, а её функция стоимости ошибки %4 не лучше, чем при постоянном ответе средним значением (%5); веса возвращены к началу эпохи; попробуйте шаг обучения поменьше, например %6</translation>
    </message>
    <message>
        <source>training diverged in epoch %1: the network collapsed to chance level with learning rate %2 — it gives the same answer for every input (accuracy %3, what always guessing one class gets: %4): its neurons stopped responding to the input; weights were restored to the start of the epoch; try a smaller learning rate such as %5</source>
        <translation>обучение разошлось в эпохе %1: сеть свелась к угадыванию при шаге обучения %2 — она даёт один и тот же ответ на любой вход (точность %3, как при постоянном угадывании одного класса: %4): её нейроны перестали реагировать на вход; веса возвращены к началу эпохи; попробуйте шаг обучения поменьше, например %5</translation>
    </message>
    <message>
        <source>training diverged in epoch %1: the network collapsed to chance level with learning rate %2 — it gives the same answer for every input (accuracy %3, what always guessing one class gets: %4): its neurons stopped responding to the input; no step revives such a network: start again from fresh weights with a smaller learning rate such as %5</source>
        <translation>обучение разошлось в эпохе %1: сеть свелась к угадыванию при шаге обучения %2 — она даёт один и тот же ответ на любой вход (точность %3, как при постоянном угадывании одного класса: %4): её нейроны перестали реагировать на вход; никакой шаг не оживит такую сеть: начните заново со случайных весов и шага обучения поменьше, например %5</translation>
    </message>
    <message>
        <source>training diverged in epoch %1: the network collapsed to chance level with learning rate %2 — its accuracy fell from %3 at the start to %4, what always guessing one class gets (%5); weights were restored to the start of the epoch; try a smaller learning rate such as %6</source>
        <translation>обучение разошлось в эпохе %1: сеть свелась к угадыванию при шаге обучения %2 — её точность упала с %3 в начале до %4, как при постоянном угадывании одного класса (%5); веса возвращены к началу эпохи; попробуйте шаг обучения поменьше, например %6</translation>
    </message>
    <message>
        <source>training diverged in epoch %1: the network collapsed to chance level with learning rate %2 — its accuracy fell from %3 at the start to %4, what always guessing one class gets (%5); no step revives such a network: start again from fresh weights with a smaller learning rate such as %6</source>
        <translation>обучение разошлось в эпохе %1: сеть свелась к угадыванию при шаге обучения %2 — её точность упала с %3 в начале до %4, как при постоянном угадывании одного класса (%5); никакой шаг не оживит такую сеть: начните заново со случайных весов и шага обучения поменьше, например %6</translation>
    </message>
    <message>
        <source>%1 MNIST digits bundled with nndesk (500 per class, from the MNIST training set)</source>
        <translation>%1 цифр MNIST, входящих в nndesk (по 500 каждой цифры, из обучающего набора MNIST)</translation>
    </message>
    <message>
        <source>%1 (%2 points, noise %3, seed %4)</source>
        <translation>%1 (точек: %2, шум %3, seed %4)</translation>
    </message>
    <message>
        <source>the lecture&apos;s single sample: inputs [1, 1, 0], target 0</source>
        <translation>единственный пример из лекции: входы [1, 1, 0], ожидаемый выход 0</translation>
    </message>
    <message>
        <source>MNIST IDX files %1: %2 train, %3 test digits</source>
        <translation>файлы MNIST IDX %1: цифр для обучения %2, для теста %3</translation>
    </message>
    <message>
        <source>MNIST IDX files %1: %2 train digits</source>
        <translation>файлы MNIST IDX %1: цифр для обучения %2</translation>
    </message>
    <message>
        <source>MNIST IDX files %1: %2 test digits</source>
        <translation>файлы MNIST IDX %1: цифр для теста %2</translation>
    </message>
    <message>
        <source>.npz archive %1: %2 train, %3 test digits</source>
        <translation>архив .npz %1: цифр для обучения %2, для теста %3</translation>
    </message>
    <message>
        <source>.npz archive %1: %2 train digits</source>
        <translation>архив .npz %1: цифр для обучения %2</translation>
    </message>
    <message>
        <source>the following arguments are required: %1</source>
        <translation>не хватает обязательных аргументов: %1</translation>
    </message>
    <message>
        <source>argument %1: invalid choice: %2 (choose from %3)</source>
        <translation>аргумент %1: недопустимое значение %2 (выберите из %3)</translation>
    </message>
    <message>
        <source>argument %1: invalid %2 value: %3</source>
        <translation>аргумент %1: %3 — не значение типа %2</translation>
    </message>
    <message>
        <source>argument %1: expected one argument</source>
        <translation>аргумент %1: после него нужно значение</translation>
    </message>
    <message>
        <source>unrecognized arguments: %1</source>
        <translation>неизвестные аргументы: %1</translation>
    </message>
    <message>
        <source>argument %1: %2</source>
        <translation>аргумент %1: %2</translation>
    </message>
    <message>
        <source>a folder</source>
        <translation>папка</translation>
    </message>
    <message>
        <source>a named pipe (FIFO)</source>
        <translation>именованный канал (FIFO)</translation>
    </message>
    <message>
        <source>a socket</source>
        <translation>сокет</translation>
    </message>
    <message>
        <source>a character device</source>
        <translation>символьное устройство</translation>
    </message>
    <message>
        <source>a block device</source>
        <translation>блочное устройство</translation>
    </message>
    <message>
        <source>No such file or directory</source>
        <translation>нет такого файла или папки</translation>
    </message>
    <message>
        <source>Permission denied</source>
        <translation>нет прав доступа</translation>
    </message>
    <message>
        <source>Is a directory</source>
        <translation>это папка</translation>
    </message>
    <message>
        <source>Not a directory</source>
        <translation>это не папка</translation>
    </message>
    <message>
        <source>No space left on device</source>
        <translation>на диске не осталось места</translation>
    </message>
    <message>
        <source>Read-only file system</source>
        <translation>файловая система только для чтения</translation>
    </message>
    <message>
        <source>File name too long</source>
        <translation>слишком длинное имя файла</translation>
    </message>
    <message>
        <source>Disk quota exceeded</source>
        <translation>превышена дисковая квота</translation>
    </message>
    <message>
        <source>XOR: class 1 where x₁·x₂ &lt; 0; no straight line separates it, one hidden layer does</source>
        <translation>XOR: класс 1 там, где x₁·x₂ &lt; 0; прямая линия его не отделяет, а один скрытый слой отделяет</translation>
    </message>
    <message>
        <source>a disc inside a ring: needs a curved boundary</source>
        <translation>круг внутри кольца: нужна кривая граница</translation>
    </message>
    <message>
        <source>two interleaved spiral arms: hard, needs a wide or deep network</source>
        <translation>две переплетённые спирали: трудно, нужна широкая или глубокая сеть</translation>
    </message>
    <message>
        <source>two Gaussian blobs: separable by one straight line</source>
        <translation>два гауссовых облака: разделяются одной прямой</translation>
    </message>
</context>
<context>
    <name>EvaluationPanel</name>
    <message>
        <source>Nothing to evaluate: this network ({sizes}) does not fit the data&apos;s inputs and classes.</source>
        <translation>Нечего оценивать: эта сеть ({sizes}) не подходит к входам и классам данных.</translation>
    </message>
    <message>
        <source>Nothing to evaluate yet.</source>
        <translation>Пока нечего оценивать.</translation>
    </message>
    <message>
        <source>Test samples: %1.</source>
        <translation>Тестовых примеров: %1.</translation>
    </message>
    <message>
        <source>Held-out samples (never trained on): %1.</source>
        <translation>Отложенных примеров (на них не обучались): %1.</translation>
    </message>
    <message>
        <source>All samples (nothing was held out for testing): %1.</source>
        <translation>Все примеры (для проверки ничего не отложено): %1.</translation>
    </message>
    <message>
        <source>Accuracy %1, cost %2, wrong: %3.</source>
        <translation>Точность %1, стоимость %2, ошибок: %3.</translation>
    </message>
    <message>
        <source>These inputs are not images: the mistakes are counted in the matrix.</source>
        <translation>Входы — не изображения: ошибки посчитаны в матрице.</translation>
    </message>
    <message>
        <source>Mistakes: %1, the surest first. Click a cell to see only its mistakes, a picture to follow it through the network.</source>
        <translation>Ошибок: %1, самые уверенные первыми. Щёлкните клетку, чтобы увидеть только её ошибки, картинку — чтобы проследить её через сеть.</translation>
    </message>
    <message>
        <source>%1 is answered right here: no mistakes. Click the cell again to see all.</source>
        <translation>Здесь %1 распознана верно: ошибок нет. Щёлкните клетку ещё раз, чтобы увидеть все.</translation>
    </message>
    <message>
        <source>True %1 read as %2: %3. Click the cell again to see all mistakes.</source>
        <translation>%1, прочитанные как %2: %3. Щёлкните клетку ещё раз, чтобы увидеть все ошибки.</translation>
    </message>
    <message>
        <source>held-out digit #%1 (true %2, read as %3)</source>
        <translation>отложенная цифра №%1 (на самом деле %2, прочитана как %3)</translation>
    </message>
    <message>
        <source>Export the confusion matrix as a picture</source>
        <translation>Сохранить матрицу ошибок как картинку</translation>
    </message>
    <message>
        <source>PNG pictures (*.png)</source>
        <translation>Картинки PNG (*.png)</translation>
    </message>
    <message>
        <source>Export the matrix and the mistakes as CSV</source>
        <translation>Сохранить матрицу и ошибки в CSV</translation>
    </message>
    <message>
        <source>CSV tables (*.csv)</source>
        <translation>Таблицы CSV (*.csv)</translation>
    </message>
    <message>
        <source>Could not export: %1</source>
        <translation>Не удалось сохранить: %1</translation>
    </message>
    <message>
        <source>Exported: %1</source>
        <translation>Сохранено: %1</translation>
    </message>
    <message>
        <source>Evaluate now</source>
        <translation>Оценить сейчас</translation>
    </message>
    <message>
        <source>Evaluate the network as it is now (it also happens after every epoch while this view is shown)</source>
        <translation>Оценить сеть в её нынешнем виде (это происходит и после каждой эпохи, пока панель видна)</translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation>Сохранить PNG…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Сохранить CSV…</translation>
    </message>
    <message>
        <source>The matrix with precision and recall, and beside it a second file listing every mistake</source>
        <translation>Матрица с точностью и полнотой, а рядом второй файл со списком всех ошибок</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1 %</translation>
    </message>
</context>
<context>
    <name>ExplainPanel</name>
    <message>
        <source>Why this answer?</source>
        <translation>Почему такой ответ?</translation>
    </message>
    <message>
        <source>How the drawing becomes the input, and which pixels pushed the network towards its answer: show or hide</source>
        <translation>Как рисунок становится входом и какие пиксели подтолкнули сеть к её ответу: показать или скрыть</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Where to put the PyTorch folder</source>
        <translation>Куда положить папку PyTorch</translation>
    </message>
    <message>
        <source>ONNX models (*.onnx)</source>
        <translation>Модели ONNX (*.onnx)</translation>
    </message>
    <message>
        <source>Python scripts (*.py)</source>
        <translation>Скрипты Python (*.py)</translation>
    </message>
    <message>
        <source>Export the network</source>
        <translation>Экспорт сети</translation>
    </message>
    <message>
        <source>Choose where to write it.</source>
        <translation>Выберите, куда записать.</translation>
    </message>
    <message>
        <source>ONNX export needs the onnx package: %1</source>
        <translation>Для экспорта в ONNX нужен пакет onnx: %1</translation>
    </message>
    <message>
        <source>Replace %1 in %2?</source>
        <translation>Заменить %1 в %2?</translation>
    </message>
    <message>
        <source>The network as it is now: %1 (%2)</source>
        <translation>Сеть, какая она сейчас: %1 (%2)</translation>
    </message>
    <message>
        <source>&amp;ONNX</source>
        <translation>&amp;ONNX</translation>
    </message>
    <message>
        <source>&amp;PyTorch folder</source>
        <translation>Папка &amp;PyTorch</translation>
    </message>
    <message>
        <source>&amp;numpy script</source>
        <translation>Скрипт &amp;numpy</translation>
    </message>
    <message>
        <source>One .onnx file that onnxruntime, OpenCV and other tools run on any computer or phone.</source>
        <translation>Один файл .onnx, который onnxruntime, OpenCV и другие программы запускают на любом компьютере или телефоне.</translation>
    </message>
    <message>
        <source>A folder with model.py, the weights and train.py, to go on training in PyTorch, also on several processes with torchrun.</source>
        <translation>Папка с model.py, весами и train.py, чтобы продолжить обучение в PyTorch, в том числе на нескольких процессах через torchrun.</translation>
    </message>
    <message>
        <source>One Python file that needs only numpy: the weights inside, and predict(x) computes a = σ(W·a + b) layer by layer, as in the lecture.</source>
        <translation>Один файл Python, которому нужен только numpy: веса внутри, а predict(x) считает a = σ(W·a + b) слой за слоем, как в лекции.</translation>
    </message>
    <message>
        <source>&amp;Write to:</source>
        <translation>&amp;Куда записать:</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>&amp;Выбрать…</translation>
    </message>
    <message>
        <source>Put the training data beside it (data.npz, %1 samples, for train.py)</source>
        <translation>Положить рядом обучающие данные (data.npz, примеров: %1; для train.py)</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Экспортировать</translation>
    </message>
</context>
<context>
    <name>FeatureStack</name>
    <message>
        <source>conv {k}×{k}</source>
        <translation>свёртка {k}×{k}</translation>
    </message>
    <message>
        <source>{n} filters</source>
        <translation>фильтров: {n}</translation>
    </message>
    <message>
        <source>max pool {k}×{k}</source>
        <translation>max-пулинг {k}×{k}</translation>
    </message>
    <message>
        <source>{n} maps</source>
        <translation>карт: {n}</translation>
    </message>
    <message>
        <source>pool {k}×{k}</source>
        <translation>пулинг {k}×{k}</translation>
    </message>
    <message>
        <source>pool</source>
        <translation>пулинг</translation>
    </message>
    <message>
        <source>Remove this convolution</source>
        <translation>Удалить эту свёртку</translation>
    </message>
    <message>
        <source>Remove this pooling</source>
        <translation>Удалить этот пулинг</translation>
    </message>
    <message>
        <source>One filter fewer (Shift: half as many). Keyboard: select a pixel of one of its maps, then −</source>
        <translation>На один фильтр меньше (Shift: вдвое меньше). С клавиатуры: выберите пиксель одной из его карт и нажмите −</translation>
    </message>
    <message>
        <source>One filter more (Shift: twice as many). Keyboard: select a pixel of one of its maps, then +</source>
        <translation>На один фильтр больше (Shift: вдвое больше). С клавиатуры: выберите пиксель одной из его карт и нажмите +</translation>
    </message>
    <message>
        <source>block {k}×{k} ▾</source>
        <translation>блок {k}×{k} ▾</translation>
    </message>
    <message>
        <source>Choose the pooling size: each map keeps the largest number of every block</source>
        <translation>Выберите размер пулинга: каждая карта оставляет наибольшее число каждого блока</translation>
    </message>
    <message>
        <source>+{n} more</source>
        <translation>ещё {n}</translation>
    </message>
    <message>
        <source>maps {shown} ▸</source>
        <translation>карты {shown} ▸</translation>
    </message>
    <message>
        <source>Show the next maps</source>
        <translation>Показать следующие карты</translation>
    </message>
    <message>
        <source>kernel {k}×{k} ▾</source>
        <translation>ядро {k}×{k} ▾</translation>
    </message>
    <message>
        <source>Choose the kernel size: the window each filter looks at</source>
        <translation>Выбрать размер ядра: окно, на которое смотрит каждый фильтр</translation>
    </message>
</context>
<context>
    <name>FilterInspector</name>
    <message>
        <source> on input map %1 alone = </source>
        <translation> только по входной карте %1 = </translation>
    </message>
    <message>
        <source>max of its %1×%1 block</source>
        <translation>максимум своего блока %1×%1</translation>
    </message>
    <message>
        <source>Click a pixel of a feature map on the network to look inside.</source>
        <translation>Щёлкните пиксель карты признаков на схеме сети, чтобы заглянуть внутрь.</translation>
    </message>
    <message>
        <source>Output pixel: row %1, column %2 of map %3</source>
        <translation>Выходной пиксель: строка %1, столбец %2 карты %3</translation>
    </message>
    <message>
        <source>Pixel: row %1, column %2 of map %3</source>
        <translation>Пиксель: строка %1, столбец %2 карты %3</translation>
    </message>
    <message>
        <source>a%1, map %2: this pixel (click another)</source>
        <translation>a%1, карта %2: этот пиксель (щёлкните другой)</translation>
    </message>
    <message>
        <source>Filter %1 of conv %2×%2 (layer %3)</source>
        <translation>Фильтр %1 свёртки %2×%2 (слой %3)</translation>
    </message>
    <message>
        <source>Map %1 of max pooling %2×%2 (layer %3)</source>
        <translation>Карта %1 макс-пулинга %2×%2 (слой %3)</translation>
    </message>
    <message>
        <source>Input map %1 (layer 0)</source>
        <translation>Входная карта %1 (слой 0)</translation>
    </message>
    <message>
        <source>No sample yet: draw a digit to see this pixel&apos;s z and a.</source>
        <translation>Примера пока нет: нарисуйте цифру, чтобы увидеть z и a этого пикселя.</translation>
    </message>
    <message>
        <source>Sample: %1</source>
        <translation>Пример: %1</translation>
    </message>
    <message>
        <source>A pooling has no weights: each output pixel is the largest value of its %1×%1 block of the map before it.</source>
        <translation>У пулинга нет весов: каждый выходной пиксель — наибольшее значение своего блока %1×%1 предыдущей карты.</translation>
    </message>
    <message>
        <source>What it reads: a%1 under the kernel, input map %2</source>
        <translation>Что читает ядро: a%1 под ним, входная карта %2</translation>
    </message>
    <message>
        <source> (0 outside the image: padding)</source>
        <translation> (за краем изображения — 0: дополнение нулями)</translation>
    </message>
    <message>
        <source>the window the kernel reads</source>
        <translation>окно, которое читает ядро</translation>
    </message>
    <message>
        <source>Its block of a%1, map %2 (the winner is outlined):</source>
        <translation>Его блок из a%1, карта %2 (победитель в рамке):</translation>
    </message>
    <message>
        <source>the block</source>
        <translation>блок</translation>
    </message>
    <message>
        <source>The winner: row %1, column %2 of map %3 in a%4</source>
        <translation>Победитель: строка %1, столбец %2 карты %3 в a%4</translation>
    </message>
    <message>
        <source>a%1, map %2: %3</source>
        <translation>a%1, карта %2: %3</translation>
    </message>
</context>
<context>
    <name>FreezeCommands</name>
    <message>
        <source>Freeze</source>
        <translation>Заморозить</translation>
    </message>
    <message>
        <source>Unfreeze</source>
        <translation>Разморозить</translation>
    </message>
    <message>
        <source>Prune</source>
        <translation>Обрезать</translation>
    </message>
</context>
<context>
    <name>HistogramsView</name>
    <message>
        <source>Top: the weights w of each layer. Bottom: the size of their gradients, log₁₀|∂C/∂w| (−3 means 0.001). Updated after every epoch, at most once a second.</source>
        <translation>Вверху: веса w каждого слоя. Внизу: величина их градиентов, log₁₀|∂C/∂w| (−3 означает 0,001). Обновляется после каждой эпохи, но не чаще раза в секунду.</translation>
    </message>
    <message>
        <source>How the weights w of each layer are spread: how many weights have each value. Updated after every epoch, at most once a second.</source>
        <translation>Как распределены веса w каждого слоя: сколько весов имеет каждое значение. Обновляется после каждой эпохи, но не чаще раза в секунду.</translation>
    </message>
    <message>
        <source>W⁽%1⁾: weights</source>
        <translation>W⁽%1⁾: веса</translation>
    </message>
    <message>
        <source>W⁽%1⁾: log₁₀|gradient|</source>
        <translation>W⁽%1⁾: log₁₀|градиент|</translation>
    </message>
</context>
<context>
    <name>InspectorPanel</name>
    <message>
        <source>Frozen: training does not change it</source>
        <translation>Заморожен: обучение его не меняет</translation>
    </message>
    <message>
        <source>Prune: set to 0 and freeze</source>
        <translation>Обрезать: обнулить и заморозить</translation>
    </message>
    <message>
        <source>Click a neuron or a connection on the network to look inside.</source>
        <translation>Щёлкните нейрон или связь на схеме сети, чтобы заглянуть внутрь.</translation>
    </message>
    <message>
        <source>No sample yet: draw a digit, or step through backpropagation, to see its numbers.</source>
        <translation>Примера пока нет: нарисуйте цифру или пройдите обратное распространение по шагам, чтобы увидеть числа.</translation>
    </message>
    <message>
        <source>Sample: %1</source>
        <translation>Пример: %1</translation>
    </message>
    <message>
        <source>Weight %1: from neuron %2 of layer %3 to neuron %4 of layer %5</source>
        <translation>Вес %1: от нейрона %2 слоя %3 к нейрону %4 слоя %5</translation>
    </message>
    <message>
        <source>Input %1</source>
        <translation>Вход %1</translation>
    </message>
    <message>
        <source>Neuron %1 of layer %2 (%3)</source>
        <translation>Нейрон %1 слоя %2 (%3)</translation>
    </message>
    <message>
        <source> (last batch) = </source>
        <translation> (последний мини-пакет) = </translation>
    </message>
    <message>
        <source> (this sample) = </source>
        <translation> (этот пример) = </translation>
    </message>
</context>
<context>
    <name>KernelCommands</name>
    <message>
        <source>Change kernel weight</source>
        <translation>Изменить вес ядра</translation>
    </message>
    <message>
        <source>Change filter bias</source>
        <translation>Изменить смещение фильтра</translation>
    </message>
</context>
<context>
    <name>KernelEditor</name>
    <message>
        <source>input map %1</source>
        <translation>входная карта %1</translation>
    </message>
    <message>
        <source>Weights on:</source>
        <translation>Веса для:</translation>
    </message>
    <message>
        <source>The filter&apos;s weights on every input map (click one):</source>
        <translation>Веса фильтра для каждой входной карты (щёлкните одну):</translation>
    </message>
    <message>
        <source>Kernel: %1×%1 weights on input map %2 (click one to edit it)</source>
        <translation>Ядро: веса %1×%1 для входной карты %2 (щёлкните вес, чтобы изменить его)</translation>
    </message>
</context>
<context>
    <name>KernelImages</name>
    <message>
        <source>filters of a{L} ({k}×{k})</source>
        <translation>фильтры a{L} ({k}×{k})</translation>
    </message>
    <message>
        <source>Each small picture is one filter&apos;s k×k weights: blue w &gt; 0, orange w &lt; 0. It slides over the image; where the image looks like it, its map lights up. Click one to see its map.</source>
        <translation>Каждая картинка — веса k×k одного фильтра: синий w &gt; 0, оранжевый w &lt; 0. Фильтр скользит по изображению; где изображение на него похоже, его карта светится. Щёлкните фильтр, чтобы увидеть его карту.</translation>
    </message>
</context>
<context>
    <name>LayerColumn</name>
    <message>
        <source>input</source>
        <translation>входной слой</translation>
    </message>
    <message>
        <source>hidden layer</source>
        <translation>скрытый слой</translation>
    </message>
    <message>
        <source>flattened maps</source>
        <translation>карты в вектор</translation>
    </message>
    <message>
        <source>output</source>
        <translation>выходной слой</translation>
    </message>
    <message>
        <source>Choose the activation function σ</source>
        <translation>Выбрать функцию активации σ</translation>
    </message>
    <message>
        <source>One neuron fewer (Shift: half as many). Keyboard: select a neuron of the layer, then −</source>
        <translation>На один нейрон меньше (Shift: вдвое меньше). С клавиатуры: выберите нейрон этого слоя и нажмите −</translation>
    </message>
    <message>
        <source>One neuron more (Shift: twice as many). Keyboard: select a neuron of the layer, then +</source>
        <translation>На один нейрон больше (Shift: вдвое больше). С клавиатуры: выберите нейрон этого слоя и нажмите +</translation>
    </message>
    <message>
        <source>Remove this hidden layer</source>
        <translation>Удалить этот скрытый слой</translation>
    </message>
</context>
<context>
    <name>LayerEditor</name>
    <message>
        <source>Neurons</source>
        <translation>Нейроны</translation>
    </message>
    <message>
        <source>Neurons in hidden layer a{0}:</source>
        <translation>Нейронов в скрытом слое a{0}:</translation>
    </message>
    <message>
        <source>Activation function</source>
        <translation>Функция активации</translation>
    </message>
    <message>
        <source>Neurons…</source>
        <translation>Нейроны…</translation>
    </message>
    <message>
        <source>Insert hidden layer before</source>
        <translation>Вставить скрытый слой перед</translation>
    </message>
    <message>
        <source>Insert hidden layer after</source>
        <translation>Вставить скрытый слой после</translation>
    </message>
    <message>
        <source>Remove this hidden layer</source>
        <translation>Удалить этот скрытый слой</translation>
    </message>
</context>
<context>
    <name>LearningRateSlider</name>
    <message>
        <source>Learning rate η: how far each step w ← w − η·∇C moves the weights (log scale, 0.0001 … 10; PageUp/PageDown multiply or divide by 10)</source>
        <translation>Шаг обучения η: насколько каждый шаг w ← w − η·∇C сдвигает веса (логарифмическая шкала, 0,0001 … 10; PageUp/PageDown умножают или делят на 10)</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>Шаг обучения</translation>
    </message>
</context>
<context>
    <name>LossPlot</name>
    <message>
        <source>new network</source>
        <translation>новая сеть</translation>
    </message>
    <message>
        <source>The network was edited here: the epochs after this line trained another network.
before: %1
after: %2</source>
        <translation>Здесь сеть изменили: эпохи после этой линии обучала уже другая сеть.
было: %1
стало: %2</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>Изображение PNG (*.png)</translation>
    </message>
    <message>
        <source>CSV table (*.csv)</source>
        <translation>Таблица CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export the cost plot</source>
        <translation>Экспорт графика функции стоимости ошибки</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>эпоха</translation>
    </message>
    <message>
        <source>cost C</source>
        <translation>стоимость ошибки C</translation>
    </message>
    <message>
        <source>validation accuracy, %</source>
        <translation>точность (проверка), %</translation>
    </message>
    <message>
        <source>training cost</source>
        <translation>стоимость ошибки (обучение)</translation>
    </message>
    <message>
        <source>validation cost</source>
        <translation>стоимость ошибки (проверка)</translation>
    </message>
    <message>
        <source>validation accuracy</source>
        <translation>точность (проверка)</translation>
    </message>
    <message>
        <source>mini-batch cost</source>
        <translation>стоимость ошибки мини-пакета</translation>
    </message>
    <message>
        <source>Show everything</source>
        <translation>Показать всё</translation>
    </message>
    <message>
        <source>Logarithmic cost axis</source>
        <translation>Логарифмическая ось стоимости ошибки</translation>
    </message>
    <message>
        <source>Export as PNG…</source>
        <translation>Экспорт в PNG…</translation>
    </message>
    <message>
        <source>Export as CSV…</source>
        <translation>Экспорт в CSV…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Правка</translation>
    </message>
    <message>
        <source>&amp;Training</source>
        <translation>&amp;Обучение</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Язык</translation>
    </message>
    <message>
        <source>&amp;Open model…</source>
        <translation>&amp;Открыть модель…</translation>
    </message>
    <message>
        <source>&amp;Save model</source>
        <translation>&amp;Сохранить модель</translation>
    </message>
    <message>
        <source>Save model &amp;as…</source>
        <translation>Сохранить модель &amp;как…</translation>
    </message>
    <message>
        <source>Open &amp;data set…</source>
        <translation>Открыть &amp;набор данных…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Выход</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Отменить</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Повторить</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Язык системы</translation>
    </message>
</context>
<context>
    <name>MisclassifiedGallery</name>
    <message>
        <source>%1%</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>A %1 the network read as %2. Its three likeliest answers: %3. Click to follow it through the network.</source>
        <translation>Цифра %1, которую сеть прочитала как %2. Три самых вероятных ответа: %3. Щёлкните, чтобы проследить её через сеть.</translation>
    </message>
</context>
<context>
    <name>MyDigitsGrid</name>
    <message>
        <source>Drawing %1, filed as a %2. Press a digit key to file it as another digit, Delete to remove it.</source>
        <translation>Рисунок %1, записан как %2. Нажмите клавишу с цифрой, чтобы записать его как другую цифру, Delete — чтобы удалить.</translation>
    </message>
    <message>
        <source>File as</source>
        <translation>Записать как</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
</context>
<context>
    <name>MyDigitsRow</name>
    <message>
        <source>My digits:</source>
        <translation>Мои цифры:</translation>
    </message>
    <message>
        <source>My digits drawn so far, %1 in all — %2</source>
        <translation>Мои цифры, нарисованные до сих пор, всего %1 — %2</translation>
    </message>
    <message>
        <source>Add to my digits</source>
        <translation>Добавить в мои цифры</translation>
    </message>
    <message>
        <source>Keep this drawing with the digit chosen in “It is a”, in your own set of digits (to train on, and to see in My digits)</source>
        <translation>Сохранить этот рисунок с цифрой, выбранной в «Это», в вашем собственном наборе цифр (для обучения и для просмотра в «Моих цифрах»)</translation>
    </message>
</context>
<context>
    <name>MyDigitsView</name>
    <message>
        <source>File a drawing as a %1</source>
        <translation>Записать рисунок как %1</translation>
    </message>
    <message>
        <source>Delete a drawing of a %1</source>
        <translation>Удалить рисунок цифры %1</translation>
    </message>
    <message>
        <source>Clear my digits</source>
        <translation>Очистить мои цифры</translation>
    </message>
    <message>
        <source>Import digits: an .npz (x, y) or an MNIST images file with its labels beside it</source>
        <translation>Импорт цифр: файл .npz (x, y) или файл изображений MNIST с файлом меток рядом</translation>
    </message>
    <message>
        <source>Digits (*.npz *-ubyte *-ubyte.gz);;All files (*)</source>
        <translation>Цифры (*.npz *-ubyte *-ubyte.gz);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>Импорт не удался</translation>
    </message>
    <message>
        <source>These digits could not be imported.</source>
        <translation>Эти цифры не удалось импортировать.</translation>
    </message>
    <message>
        <source>Import %1 drawings</source>
        <translation>Импорт рисунков: %1</translation>
    </message>
    <message>
        <source>NumPy archive: x, y (*.npz)</source>
        <translation>Архив NumPy: x, y (*.npz)</translation>
    </message>
    <message>
        <source>MNIST IDX files (*-ubyte *-ubyte.gz)</source>
        <translation>Файлы MNIST IDX (*-ubyte *-ubyte.gz)</translation>
    </message>
    <message>
        <source>Export my digits</source>
        <translation>Экспорт моих цифр</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Экспорт не удался</translation>
    </message>
    <message>
        <source>My digits could not be exported.</source>
        <translation>Мои цифры не удалось экспортировать.</translation>
    </message>
    <message>
        <source>No drawings yet.</source>
        <translation>Рисунков пока нет.</translation>
    </message>
    <message>
        <source>Draw a digit on the pad, choose which digit it is in “It is a”, and press Add to my digits. Your drawings are kept here, also after a restart, to train on (nndesk train --dataset my-digits).</source>
        <translation>Нарисуйте цифру, выберите в «Это», какая это цифра, и нажмите «Добавить в мои цифры». Ваши рисунки хранятся здесь и после перезапуска — на них можно обучать (nndesk train --dataset my-digits).</translation>
    </message>
    <message>
        <source>%1 drawings — %2</source>
        <translation>Рисунков: %1 — %2</translation>
    </message>
    <message>
        <source>Click a drawing, then press a digit key to file it under another digit, or Delete to remove it (right-click for a menu). Ctrl+Z undoes.</source>
        <translation>Щёлкните рисунок и нажмите клавишу с цифрой, чтобы записать его как другую цифру, или Delete, чтобы удалить (правый щелчок — меню). Ctrl+Z отменяет.</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Импорт…</translation>
    </message>
    <message>
        <source>Add digits from an .npz (x, y) or MNIST IDX files</source>
        <translation>Добавить цифры из файла .npz (x, y) или файлов MNIST IDX</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Экспорт…</translation>
    </message>
    <message>
        <source>Save my digits as an .npz (x, y) or as MNIST IDX files</source>
        <translation>Сохранить мои цифры как .npz (x, y) или как файлы MNIST IDX</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Remove the selected drawing (Delete key; Ctrl+Z brings it back)</source>
        <translation>Удалить выбранный рисунок (клавиша Delete; Ctrl+Z вернёт его)</translation>
    </message>
    <message>
        <source>Clear all</source>
        <translation>Очистить всё</translation>
    </message>
    <message>
        <source>Remove every drawing (Ctrl+Z brings them back)</source>
        <translation>Удалить все рисунки (Ctrl+Z вернёт их)</translation>
    </message>
</context>
<context>
    <name>NetworkCanvas</name>
    <message>
        <source>+ layer</source>
        <translation>+ слой</translation>
    </message>
    <message>
        <source>Insert a hidden layer here</source>
        <translation>Вставить здесь скрытый слой</translation>
    </message>
    <message>
        <source>map {f} of {n} in a{L}, pixel ({y}, {x})</source>
        <translation>карта {f} из {n} в a{L}, пиксель ({y}, {x})</translation>
    </message>
    <message>
        <source>neuron {i} of a{L}</source>
        <translation>нейрон {i} слоя a{L}</translation>
    </message>
    <message>
        <source>bias b = {b:.3f}</source>
        <translation>коэффициент смещения b = {b:.3f}</translation>
    </message>
    <message>
        <source>activation a = {a:.3f}</source>
        <translation>активация a = {a:.3f}</translation>
    </message>
    <message>
        <source>(sample: {name})</source>
        <translation>(пример: {name})</translation>
    </message>
    <message>
        <source>weight w{kj} of W{l} = {w:.3f}
from neuron {j} of a{l} to neuron {k} of a{l1}</source>
        <translation>вес w{kj} матрицы W{l} = {w:.3f}
от нейрона {j} слоя a{l} к нейрону {k} слоя a{l1}</translation>
    </message>
</context>
<context>
    <name>PointCommands</name>
    <message>
        <source>Add a point of class {k}</source>
        <translation>Добавить точку класса {k}</translation>
    </message>
    <message>
        <source>Remove a point of class {k}</source>
        <translation>Удалить точку класса {k}</translation>
    </message>
    <message>
        <source>Clear the points</source>
        <translation>Убрать все точки</translation>
    </message>
</context>
<context>
    <name>PredictionPanel</name>
    <message>
        <source>Draw a digit</source>
        <translation>Нарисуйте цифру</translation>
    </message>
    <message>
        <source>{p} % sure</source>
        <translation>уверенность {p} %</translation>
    </message>
    <message>
        <source>not sure ({p} %)</source>
        <translation>не уверена ({p} %)</translation>
    </message>
</context>
<context>
    <name>PreprocessSteps</name>
    <message>
        <source>No centring: feed the whole pad shrunk to 28×28</source>
        <translation>Без центрирования: подать весь лист, уменьшенный до 28×28</translation>
    </message>
    <message>
        <source>What the network would see if the drawing were only shrunk, as many demos do: a digit off-centre or small is then far from anything it learned</source>
        <translation>Что увидела бы сеть, если рисунок только уменьшить, как делают многие демо: цифра не в центре или мелкая далека от всего, чему сеть училась</translation>
    </message>
    <message>
        <source>1. your ink; the box around it</source>
        <translation>1. штрихи и рамка вокруг них</translation>
    </message>
    <message>
        <source>2. cropped to the box</source>
        <translation>2. обрезано по рамке</translation>
    </message>
    <message>
        <source>3. scaled to {box} px</source>
        <translation>3. уменьшено до {box} пикс.</translation>
    </message>
    <message>
        <source>4. centred by mass, {n}×{n}</source>
        <translation>4. центр масс в центре, {n}×{n}</translation>
    </message>
    <message>
        <source>4. not centred: the pad shrunk</source>
        <translation>4. не по центру: весь лист уменьшен</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Перейти к:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>&amp;Типы файлов:</translation>
    </message>
</context>
<context>
    <name>ReadyBadge</name>
    <message>
        <source>&lt;b&gt;Random weights.&lt;/b&gt; The ready-trained digits network could not be read (%1), so this one has learned nothing yet: press Train.</source>
        <translation>&lt;b&gt;Случайные веса.&lt;/b&gt; Не удалось прочитать обученную сеть для цифр (%1), поэтому эта сеть ещё ничему не научилась: нажмите «Обучить».</translation>
    </message>
    <message>
        <source>&lt;b&gt;Ready-trained&lt;/b&gt;: %1 % right on digits it never saw. Draw one!</source>
        <translation>&lt;b&gt;Уже обучена&lt;/b&gt;: %1 % верно на цифрах, которых она не видела. Нарисуйте цифру!</translation>
    </message>
    <message>
        <source>This network was trained on the 5,000 bundled digits before nndesk shipped, so it reads what you draw at once. Reset gives random weights to train from scratch.</source>
        <translation>Эта сеть обучена на 5 000 встроенных цифр ещё до выпуска nndesk, поэтому сразу читает то, что вы рисуете. «Сброс» даёт случайные веса, чтобы обучить с нуля.</translation>
    </message>
</context>
<context>
    <name>RestoreBanner</name>
    <message>
        <source>nndesk did not close properly last time. It left an autosaved session, but the file looks damaged; Restore says what is wrong with it.</source>
        <translation>В прошлый раз nndesk закрылся нештатно. Остался автоматически сохранённый сеанс, но файл, похоже, повреждён; «Восстановить» скажет, что с ним не так.</translation>
    </message>
    <message>
        <source>nndesk did not close properly last time. Restore the session it saved automatically at %1: the network trained %3 epochs on %2, with its settings and layout?</source>
        <translation>В прошлый раз nndesk закрылся нештатно. Восстановить сеанс, автоматически сохранённый в %1: сеть, обученную на данных «%2» (эпох: %3), с её настройками и расположением окон?</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Восстановить</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Open the autosaved session, as File ▸ Open session… would</source>
        <translation>Открыть автоматически сохранённый сеанс, как это сделал бы «Файл ▸ Открыть сеанс…»</translation>
    </message>
    <message>
        <source>Delete the autosaved session and go on with this window as it is</source>
        <translation>Удалить автоматически сохранённый сеанс и продолжить работу в этом окне как есть</translation>
    </message>
</context>
<context>
    <name>RobustnessPanel</name>
    <message>
        <source>Distorting {n} held-out digits and reading them…</source>
        <translation>Искажаю {n} отложенных цифр и распознаю их…</translation>
    </message>
    <message>
        <source>The curves could not be computed: {message}</source>
        <translation>Кривые не удалось вычислить: {message}</translation>
    </message>
    <message>
        <source>“Not sure” below {p} %</source>
        <translation>«Не уверена» ниже {p} %</translation>
    </message>
    <message>
        <source>The draw pad answers “not sure” when its best digit is below this.</source>
        <translation>Поле рисования отвечает «не уверена», когда лучшая цифра ниже этого порога.</translation>
    </message>
    <message>
        <source>At this threshold the network is not sure of any of the {n} digits.</source>
        <translation>При этом пороге сеть не уверена ни в одной из {n} цифр.</translation>
    </message>
    <message>
        <source>It answers {answered} % of the {n} digits and is right on {right} % of those; “not sure” on {doubt}.</source>
        <translation>Сеть отвечает на {answered} % из {n} цифр и права в {right} % из них; «не уверена» — на {doubt}.</translation>
    </message>
    <message>
        <source>Compute robustness</source>
        <translation>Вычислить устойчивость</translation>
    </message>
    <message>
        <source>Distort the held-out digits more and more and measure the accuracy (about a second)</source>
        <translation>Искажать отложенные цифры всё сильнее и измерять точность (около секунды)</translation>
    </message>
    <message>
        <source>Noise σ per pixel</source>
        <translation>Шум σ на пиксель</translation>
    </message>
    <message>
        <source>Rotation, °</source>
        <translation>Поворот, °</translation>
    </message>
    <message>
        <source>Shift, px: → solid, ↓ dashed</source>
        <translation>Сдвиг, пикс.: → сплошная, ↓ пунктир</translation>
    </message>
    <message>
        <source>Stroke: − thinner, + thicker</source>
        <translation>Штрих: − тоньше, + толще</translation>
    </message>
    <message>
        <source>accuracy, %</source>
        <translation>точность, %</translation>
    </message>
    <message>
        <source>Answered and right, by threshold</source>
        <translation>Отвечено и верно по порогу</translation>
    </message>
    <message>
        <source>threshold, %</source>
        <translation>порог, %</translation>
    </message>
    <message>
        <source>digits answered</source>
        <translation>цифр с ответом</translation>
    </message>
    <message>
        <source>right among answered</source>
        <translation>верных среди ответов</translation>
    </message>
    <message>
        <source>Robustness needs held-out digit images (28×28).</source>
        <translation>Для устойчивости нужны отложенные изображения цифр (28×28).</translation>
    </message>
    <message>
        <source>Robustness needs a network with 784 inputs and 10 outputs.</source>
        <translation>Для устойчивости нужна сеть с 784 входами и 10 выходами.</translation>
    </message>
    <message>
        <source>{n} held-out digits: press the button to see how far the accuracy carries.</source>
        <translation>Отложенных цифр: {n}. Нажмите кнопку, чтобы увидеть, насколько устойчива точность.</translation>
    </message>
    <message>
        <source>Accuracy on the {n} held-out digits: {acc} %.</source>
        <translation>Точность на {n} отложенных цифрах: {acc} %.</translation>
    </message>
    <message>
        <source>The network has changed since: compute again to update.</source>
        <translation>С тех пор сеть изменилась: вычислите заново.</translation>
    </message>
</context>
<context>
    <name>RunTable</name>
    <message>
        <source>Up to %1 runs at once: untick one to choose another</source>
        <translation>Не больше %1 запусков сразу: снимите отметку с одного, чтобы выбрать другой</translation>
    </message>
    <message>
        <source>Tick to draw this run&apos;s curves</source>
        <translation>Отметьте, чтобы нарисовать кривые этого запуска</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Запуск</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Данные</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>Слои</translation>
    </message>
    <message>
        <source>What differs from the run before, and how it ended. Double-click to name it; right-click to forget runs</source>
        <translation>Чем отличается от предыдущего запуска и чем закончился. Двойной щелчок — дать своё название; правый щелчок — забыть запуски</translation>
    </message>
    <message>
        <source>Name this run…</source>
        <translation>Назвать этот запуск…</translation>
    </message>
    <message>
        <source>Forget the selected runs</source>
        <translation>Забыть выбранные запуски</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>Эпохи</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Стоимость</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>Точность</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Что</translation>
    </message>
    <message>
        <source>Training cost C in the run&apos;s last epoch</source>
        <translation>Стоимость ошибки C на обучении в последней эпохе запуска</translation>
    </message>
    <message>
        <source>Validation accuracy after the run&apos;s last epoch</source>
        <translation>Точность на проверке после последней эпохи запуска</translation>
    </message>
    <message>
        <source>η the run started with (→ the last η it was changed to)</source>
        <translation>η в начале запуска (→ последнее η, на которое его изменили)</translation>
    </message>
</context>
<context>
    <name>RunTexts</name>
    <message>
        <source>data</source>
        <translation>данные</translation>
    </message>
    <message>
        <source>layers</source>
        <translation>слои</translation>
    </message>
    <message>
        <source>hidden</source>
        <translation>скрытые</translation>
    </message>
    <message>
        <source>activation</source>
        <translation>активация</translation>
    </message>
    <message>
        <source>cost</source>
        <translation>стоимость ошибки</translation>
    </message>
    <message>
        <source>optimizer</source>
        <translation>оптимизатор</translation>
    </message>
    <message>
        <source>momentum</source>
        <translation>момент</translation>
    </message>
    <message>
        <source>batch</source>
        <translation>мини-пакет</translation>
    </message>
    <message>
        <source>epochs</source>
        <translation>эпох</translation>
    </message>
    <message>
        <source>η schedule</source>
        <translation>расписание η</translation>
    </message>
    <message>
        <source>none</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>momentum off</source>
        <translation>без момента</translation>
    </message>
    <message>
        <source>augmentation on</source>
        <translation>с искажениями</translation>
    </message>
    <message>
        <source>augmentation off</source>
        <translation>без искажений</translation>
    </message>
    <message>
        <source>continued after epoch %1</source>
        <translation>продолжение после эпохи %1</translation>
    </message>
    <message>
        <source>fresh weights</source>
        <translation>новые веса</translation>
    </message>
    <message>
        <source>Run %1</source>
        <translation>Запуск %1</translation>
    </message>
    <message>
        <source>training…</source>
        <translation>обучается…</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>остановлен</translation>
    </message>
    <message>
        <source>diverged</source>
        <translation>разошёлся</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>ошибка</translation>
    </message>
    <message>
        <source>first run</source>
        <translation>первый запуск</translation>
    </message>
    <message>
        <source>same settings</source>
        <translation>те же настройки</translation>
    </message>
</context>
<context>
    <name>RunsLegend</name>
    <message>
        <source>Every training run is listed here. Train, change η, train again; then tick both runs to compare their curves.</source>
        <translation>Здесь записан каждый запуск обучения. Обучите, измените η, обучите снова — затем отметьте оба запуска, чтобы сравнить их кривые.</translation>
    </message>
    <message>
        <source>Tick 2 to %1 runs in the list to overlay their curves.</source>
        <translation>Отметьте в списке от 2 до %1 запусков, чтобы наложить их кривые.</translation>
    </message>
</context>
<context>
    <name>RunsOverlay</name>
    <message>
        <source>training cost C</source>
        <translation>стоимость ошибки C (обучение)</translation>
    </message>
    <message>
        <source>validation accuracy, %</source>
        <translation>точность (проверка), %</translation>
    </message>
    <message>
        <source>epoch of the run</source>
        <translation>эпоха запуска</translation>
    </message>
</context>
<context>
    <name>ScoresView</name>
    <message>
        <source>My digits (held out: %1)</source>
        <translation>Мои цифры (отложено: %1)</translation>
    </message>
    <message>
        <source>Validation (%1 digits)</source>
        <translation>Проверочные цифры (%1)</translation>
    </message>
    <message>
        <source>Your digits that this Teach did not train on: what it learned, not what it memorised</source>
        <translation>Ваши цифры, на которых это дообучение не училось: видно, чему сеть научилась, а не что запомнила</translation>
    </message>
    <message>
        <source>Digits from the data set that no run trains on: what it may have forgotten</source>
        <translation>Цифры из набора данных, на которых не учится ни один запуск: видно, что сеть могла забыть</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>no change</source>
        <translation>без изменений</translation>
    </message>
    <message>
        <source>%1 points</source>
        <translation>%1 п. п.</translation>
    </message>
    <message>
        <source>Percentage points: after minus before</source>
        <translation>Процентные пункты: после минус до</translation>
    </message>
</context>
<context>
    <name>StartHere</name>
    <message>
        <source>Start here:</source>
        <translation>С чего начать:</translation>
    </message>
    <message>
        <source>② Draw a digit</source>
        <translation>② Нарисуйте цифру</translation>
    </message>
    <message>
        <source>① The lecture&apos;s example</source>
        <translation>① Пример из лекции</translation>
    </message>
    <message>
        <source>③ Train your own</source>
        <translation>③ Обучите свою сеть</translation>
    </message>
    <message>
        <source>The lecture&apos;s 3-2-1 network on the canvas and its backpropagation step by step, with the slides&apos; numbers</source>
        <translation>Сеть 3-2-1 из лекции на холсте и её обратное распространение шаг за шагом, с числами со слайдов</translation>
    </message>
    <message>
        <source>The bundled digits with a network that has already learned them: draw on the pad and watch its answer</source>
        <translation>Встроенные цифры и сеть, которая их уже выучила: рисуйте на планшете и смотрите её ответ</translation>
    </message>
    <message>
        <source>XOR from random weights, trained at once: watch the cost fall and the boundary form. Then pick the digits, Reset and Train</source>
        <translation>XOR со случайными весами, обучение начнётся сразу: смотрите, как падает стоимость и складывается граница. Потом выберите цифры, «Сброс» и «Обучить»</translation>
    </message>
    <message>
        <source>Don&apos;t show this at start (Help ▸ Start here brings it back)</source>
        <translation>Не показывать при запуске (вернуть: Справка ▸ С чего начать)</translation>
    </message>
</context>
<context>
    <name>StepTexts</name>
    <message>
        <source>Forward pass</source>
        <translation>Прямое распространение</translation>
    </message>
    <message>
        <source>Cost function</source>
        <translation>Функция стоимости ошибки</translation>
    </message>
    <message>
        <source>Backpropagation</source>
        <translation>Обратное распространение ошибки</translation>
    </message>
    <message>
        <source>Updating the weights</source>
        <translation>Обновление весов</translation>
    </message>
    <message>
        <source>Forward pass, neuron %1 of layer %2: multiply each input by its weight, add the bias and apply the activation function.</source>
        <translation>Прямое распространение, нейрон %1 слоя %2: умножаем каждый вход на его вес, прибавляем коэффициент смещения и применяем функцию активации.</translation>
    </message>
    <message>
        <source>Forward pass, neuron %1 of layer %2: the weighted sum z of its inputs plus the bias.</source>
        <translation>Прямое распространение, нейрон %1 слоя %2: взвешенная сумма z его входов плюс коэффициент смещения.</translation>
    </message>
    <message>
        <source>Softmax turns the sums z of the output layer into probabilities that add up to 1.</source>
        <translation>Softmax превращает суммы z выходного слоя в вероятности, дающие в сумме 1.</translation>
    </message>
    <message>
        <source>The other neurons of layer %2 are computed in the same way.</source>
        <translation>Остальные нейроны слоя %2 вычисляются так же.</translation>
    </message>
    <message>
        <source>The cost function measures how far the output a is from the target t.</source>
        <translation>Функция стоимости ошибки измеряет, насколько выход a далёк от ожидаемого значения t.</translation>
    </message>
    <message>
        <source>Backpropagation starts at the output: how fast the cost changes when the output a changes.</source>
        <translation>Обратное распространение ошибки начинается с выхода: как быстро меняется стоимость ошибки при изменении выхода a.</translation>
    </message>
    <message>
        <source>Neuron %1 of hidden layer %2 influences the cost through every neuron it feeds: add up δ·w over them.</source>
        <translation>Нейрон %1 скрытого слоя %2 влияет на стоимость ошибки через каждый нейрон, которому передаёт сигнал: суммируем по ним δ·w.</translation>
    </message>
    <message>
        <source>The derivative of the activation function at z: how much a changes when z changes.</source>
        <translation>Производная функции активации в точке z: насколько меняется a при изменении z.</translation>
    </message>
    <message>
        <source>The gradient for this weight, by the chain rule: ∂C/∂a · σ′(z) · the input a that the weight multiplies.</source>
        <translation>Градиент для этого веса по цепному правилу: ∂C/∂a · σ′(z) · вход a, на который умножается вес.</translation>
    </message>
    <message>
        <source>The gradient for this weight: δ times the input a that the weight multiplies.</source>
        <translation>Градиент для этого веса: δ, умноженное на вход a, на который умножается вес.</translation>
    </message>
    <message>
        <source>Gradient descent: move the weight against its gradient, scaled by the learning rate η.</source>
        <translation>Градиентный спуск: сдвигаем вес против его градиента, умноженного на шаг обучения η.</translation>
    </message>
    <message>
        <source>The gradient for the bias: like a weight whose input is always 1.</source>
        <translation>Градиент для коэффициента смещения: как для веса, вход которого всегда равен 1.</translation>
    </message>
    <message>
        <source>The new bias, by the same rule: b − η·∂C/∂b.</source>
        <translation>Новый коэффициент смещения по тому же правилу: b − η·∂C/∂b.</translation>
    </message>
    <message>
        <source>δ = ∂C/∂z of this neuron: the error signal that is passed back to the layer below.</source>
        <translation>δ = ∂C/∂z этого нейрона: сигнал ошибки, который передаётся назад, в предыдущий слой.</translation>
    </message>
    <message>
        <source>With the cross-entropy cost σ′ cancels out, so the output&apos;s error signal is simply δ = a − t.</source>
        <translation>С функцией стоимости ошибки «перекрёстная энтропия» σ′ сокращается, поэтому сигнал ошибки выхода просто δ = a − t.</translation>
    </message>
    <message>
        <source>δ of every neuron of layer %2, computed in the same way.</source>
        <translation>δ каждого нейрона слоя %2, вычисленные так же.</translation>
    </message>
    <message>
        <source>Every weight and bias takes its new value (%3 weights, %4 biases): the network has learned from this sample.</source>
        <translation>Каждый вес и коэффициент смещения получает новое значение (весов: %3, коэффициентов смещения: %4): сеть научилась на этом примере.</translation>
    </message>
</context>
<context>
    <name>StepsView</name>
    <message>
        <source>Larger text</source>
        <translation>Крупнее</translation>
    </message>
    <message>
        <source>Smaller text</source>
        <translation>Мельче</translation>
    </message>
    <message>
        <source>Normal text size</source>
        <translation>Обычный размер текста</translation>
    </message>
</context>
<context>
    <name>TeachDock</name>
    <message>
        <source>Teach</source>
        <translation>Дообучение</translation>
    </message>
</context>
<context>
    <name>TeachPanel</name>
    <message>
        <source>Teach the network your handwriting: a short training run on the training digits mixed with your digits, starting from the weights it has now.</source>
        <translation>Научите сеть своему почерку: короткое обучение на обучающих цифрах вперемешку с вашими, начиная с нынешних весов.</translation>
    </message>
    <message>
        <source>Teach</source>
        <translation>Дообучить</translation>
    </message>
    <message>
        <source>Teaching: epoch %v of %m</source>
        <translation>Дообучение: эпоха %v из %m</translation>
    </message>
    <message>
        <source>Your digits: %1.</source>
        <translation>Ваших цифр: %1.</translation>
    </message>
    <message>
        <source>Your digits: %1. This Teach trains on %2 of them and holds out %3 (turn %4 of %5) to measure what it learned.</source>
        <translation>Ваших цифр: %1. Это дообучение учится на %2 из них и откладывает %3 (очередь %4 из %5), чтобы измерить, чему сеть научилась.</translation>
    </message>
    <message>
        <source>Your digits: %1. The next Teach trains on %2 of them and holds out %3 (turn %4 of %5) to measure what it learned.</source>
        <translation>Ваших цифр: %1. Следующее дообучение учится на %2 из них и откладывает %3 (очередь %4 из %5), чтобы измерить, чему сеть научилась.</translation>
    </message>
    <message>
        <source>Teach needs the digits: a network with 28×28 inputs and 10 outputs, trained on digits.</source>
        <translation>Для дообучения нужны цифры: сеть с входом 28×28 и 10 выходами, обученная на цифрах.</translation>
    </message>
    <message>
        <source>Training is running: Teach waits until it ends (or Stop it).</source>
        <translation>Идёт обучение: дообучение подождёт, пока оно закончится (или остановите его).</translation>
    </message>
    <message>
        <source>Add at least %1 of your digits (you have %2): Teach holds a fifth of them out to measure what it learned.</source>
        <translation>Добавьте хотя бы %1 своих цифр (сейчас %2): пятую часть дообучение откладывает, чтобы измерить, чему сеть научилась.</translation>
    </message>
    <message>
        <source>Draw some digits more than once: a digit you drew only once can&apos;t be held out, and Teach needs some held out to measure what it learned.</source>
        <translation>Нарисуйте некоторые цифры больше одного раза: цифру, нарисованную однажды, нельзя отложить, а дообучению нужны отложенные, чтобы измерить, чему сеть научилась.</translation>
    </message>
    <message>
        <source>Fine-tune this network on the training digits and yours; then compare before and after.</source>
        <translation>Дообучить эту сеть на обучающих цифрах и ваших, затем сравнить «до» и «после».</translation>
    </message>
    <message>
        <source>Last Teach (turn %1 of %2, stopped early): before → after</source>
        <translation>Последнее дообучение (очередь %1 из %2, остановлено раньше): до → после</translation>
    </message>
    <message>
        <source>Last Teach (turn %1 of %2): before → after</source>
        <translation>Последнее дообучение (очередь %1 из %2): до → после</translation>
    </message>
    <message>
        <source>It reads more of your held-out digits right now.</source>
        <translation>Теперь сеть верно читает больше ваших отложенных цифр.</translation>
    </message>
    <message>
        <source>It reads fewer of your held-out digits right now.</source>
        <translation>Теперь сеть верно читает меньше ваших отложенных цифр.</translation>
    </message>
    <message>
        <source>It reads as many of your held-out digits right as before.</source>
        <translation>Сеть верно читает столько же ваших отложенных цифр, сколько и раньше.</translation>
    </message>
    <message>
        <source>On the validation digits it got a little worse: learning your digits made it forget some of the others.</source>
        <translation>На проверочных цифрах стало чуть хуже: выучив ваши цифры, сеть немного забыла остальные.</translation>
    </message>
    <message>
        <source>On the validation digits it forgot nothing.</source>
        <translation>На проверочных цифрах она ничего не забыла.</translation>
    </message>
    <message>
        <source>An earlier Teach of this network trained on most of the digits held out now, so they were not new to it: new drawings measure it more fairly.</source>
        <translation>Прошлое дообучение этой сети училось на большинстве цифр, отложенных сейчас, так что они ей не новы: честнее измерять на новых рисунках.</translation>
    </message>
</context>
<context>
    <name>TrainingDock</name>
    <message>
        <source>Resume</source>
        <translation>Продолжить</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>Обучить</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Обучение</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Пауза</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Шаг</translation>
    </message>
    <message>
        <source>Train exactly one epoch, then pause</source>
        <translation>Обучить ровно одну эпоху и встать на паузу</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Стоп</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Сброс</translation>
    </message>
    <message>
        <source>New random weights and biases; forget the cost history</source>
        <translation>Новые случайные веса и коэффициенты смещения; история стоимости ошибки стирается</translation>
    </message>
    <message>
        <source>Start / pause training</source>
        <translation>Запустить / приостановить обучение</translation>
    </message>
    <message>
        <source>Learning rate η</source>
        <translation>Шаг обучения η</translation>
    </message>
    <message>
        <source>Momentum μ</source>
        <translation>Момент μ</translation>
    </message>
    <message>
        <source>L2 regularisation λ</source>
        <translation>L2-регуляризация λ</translation>
    </message>
    <message>
        <source>Pace</source>
        <translation>Темп</translation>
    </message>
    <message>
        <source>Mini-batch size</source>
        <translation>Размер мини-пакета</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>Эпохи</translation>
    </message>
    <message>
        <source>Cost function</source>
        <translation>Функция стоимости ошибки</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>Оптимизатор</translation>
    </message>
    <message>
        <source>quadratic ½(t − a)²</source>
        <translation>квадратичная ½(t − a)²</translation>
    </message>
    <message>
        <source>cross-entropy</source>
        <translation>перекрёстная энтропия</translation>
    </message>
    <message>
        <source>SGD: w ← w − η·∇C</source>
        <translation>SGD: w ← w − η·∇C</translation>
    </message>
    <message>
        <source>momentum</source>
        <translation>с моментом</translation>
    </message>
    <message>
        <source>Adam</source>
        <translation>Adam</translation>
    </message>
    <message>
        <source>1 epoch a second</source>
        <translation>1 эпоха в секунду</translation>
    </message>
    <message>
        <source>5 epochs a second</source>
        <translation>5 эпох в секунду</translation>
    </message>
    <message>
        <source>20 epochs a second</source>
        <translation>20 эпох в секунду</translation>
    </message>
    <message>
        <source>100 epochs a second</source>
        <translation>100 эпох в секунду</translation>
    </message>
    <message>
        <source>as fast as possible</source>
        <translation>как можно быстрее</translation>
    </message>
    <message>
        <source>How fast training may go: slow enough to watch the toy sets learn and to move η while they train; applies at the next epoch</source>
        <translation>Как быстро идёт обучение: медленно — чтобы видеть, как учатся учебные наборы, и двигать η во время обучения; применяется со следующей эпохи</translation>
    </message>
    <message>
        <source>MNIST digits (5,000 bundled)</source>
        <translation>Цифры MNIST (5000 встроенных)</translation>
    </message>
    <message>
        <source>XOR</source>
        <translation>XOR (исключающее ИЛИ)</translation>
    </message>
    <message>
        <source>circles</source>
        <translation>круги</translation>
    </message>
    <message>
        <source>spiral</source>
        <translation>спираль</translation>
    </message>
    <message>
        <source>two Gaussian blobs</source>
        <translation>два гауссовых облака</translation>
    </message>
    <message>
        <source>the lecture&apos;s example</source>
        <translation>пример из лекции</translation>
    </message>
    <message>
        <source>Open IDX folder or .npz file…</source>
        <translation>Открыть папку IDX или файл .npz…</translation>
    </message>
</context>
<context>
    <name>TrainingStatusBar</name>
    <message>
        <source>Epoch %1 of %2</source>
        <translation>Эпоха %1 из %2</translation>
    </message>
    <message>
        <source>%1 samples/s</source>
        <translation>%1 примеров/с</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>осталось %1</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Готово</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Остановлено</translation>
    </message>
    <message>
        <source>epoch %1</source>
        <translation>эпоха %1</translation>
    </message>
    <message>
        <source>epochs %1–%2</source>
        <translation>эпохи %1–%2</translation>
    </message>
    <message>
        <source>accuracy %1 %</source>
        <translation>точность (проверка) %1 %</translation>
    </message>
    <message>
        <source>cost %1</source>
        <translation>стоимость ошибки %1</translation>
    </message>
</context>
<context>
    <name>WeightGallery</name>
    <message>
        <source>The first layer is a pooling: it has no weights to show.</source>
        <translation>Первый слой — пулинг: у него нет весов, показывать нечего.</translation>
    </message>
    <message>
        <source>Each picture is one filter of the first convolution: its %1×%1 weights, slid over the image. Blue: the pixel excites the filter; orange: it inhibits it.</source>
        <translation>Каждая картинка — один фильтр первой свёртки: его веса %1×%1, которые скользят по изображению. Синий: пиксель возбуждает фильтр; оранжевый: подавляет.</translation>
    </message>
    <message>
        <source>The inputs are not an image, so there are no weight pictures.</source>
        <translation>Входы — не изображение, поэтому картинок весов нет.</translation>
    </message>
    <message>
        <source>Each picture is one neuron of the first hidden layer: its weights from every pixel. Blue: the pixel excites the neuron; orange: it inhibits it.</source>
        <translation>Каждая картинка — один нейрон первого скрытого слоя: его веса от каждого пикселя. Синий: пиксель возбуждает нейрон; оранжевый: тормозит.</translation>
    </message>
    <message>
        <source>Filter %1: weights from −%2 (orange) to +%2 (blue)</source>
        <translation>Фильтр %1: веса от −%2 (оранжевый) до +%2 (синий)</translation>
    </message>
    <message>
        <source>Neuron %1: weights from −%2 (orange) to +%2 (blue)</source>
        <translation>Нейрон %1: веса от −%2 (оранжевый) до +%2 (синий)</translation>
    </message>
</context>
<context>
    <name>WindowDocks</name>
    <message>
        <source>Cost</source>
        <translation>Функция стоимости ошибки</translation>
    </message>
    <message>
        <source>Draw a digit</source>
        <translation>Нарисуйте цифру</translation>
    </message>
    <message>
        <source>Decision boundary</source>
        <translation>Граница решений</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>Инспектор</translation>
    </message>
    <message>
        <source>Backpropagation</source>
        <translation>Обратное распространение ошибки</translation>
    </message>
    <message>
        <source>Weight histograms</source>
        <translation>Гистограммы весов</translation>
    </message>
    <message>
        <source>Where it is wrong</source>
        <translation>Где сеть ошибается</translation>
    </message>
    <message>
        <source>What the neurons look for</source>
        <translation>Что ищут нейроны</translation>
    </message>
    <message>
        <source>Robustness</source>
        <translation>Устойчивость</translation>
    </message>
</context>
<context>
    <name>WindowExport</name>
    <message>
        <source>Exported to %1</source>
        <translation>Экспортировано в %1</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Экспорт…</translation>
    </message>
</context>
<context>
    <name>WindowFiles</name>
    <message>
        <source>the first training sample (class {label})</source>
        <translation>первый обучающий пример (класс {label})</translation>
    </message>
    <message>
        <source>the digit you drew, taught as a {digit}</source>
        <translation>ваш рисунок цифры {digit}</translation>
    </message>
    <message>
        <source>Open a data set: an .npz file, or any file of an MNIST IDX folder</source>
        <translation>Открыть набор данных: файл .npz или любой файл из папки MNIST IDX</translation>
    </message>
    <message>
        <source>Data sets (*.npz *-ubyte *-ubyte.gz);;All files (*)</source>
        <translation>Наборы данных (*.npz *-ubyte *-ubyte.gz);;Все файлы (*)</translation>
    </message>
    <message>
        <source>holds no training samples</source>
        <translation>не содержит обучающих примеров</translation>
    </message>
    <message>
        <source>Can&apos;t open this data set</source>
        <translation>Не удаётся открыть этот набор данных</translation>
    </message>
    <message>
        <source>The file is damaged or is not a data set nndesk can read (an .npz file with x and y, or a folder of MNIST IDX files). Nothing was changed.</source>
        <translation>Файл повреждён или не является набором данных, который nndesk умеет читать (файл .npz с x и y или папка с файлами MNIST IDX). Ничего не изменилось.</translation>
    </message>
    <message>
        <source>%1 samples, %2 inputs, %3 classes</source>
        <translation>примеров: %1, входов: %2, классов: %3</translation>
    </message>
    <message>
        <source>Open model</source>
        <translation>Открыть модель</translation>
    </message>
    <message>
        <source>nndesk models (*.npz)</source>
        <translation>Модели nndesk (*.npz)</translation>
    </message>
    <message>
        <source>does not fit this network&apos;s inputs and outputs</source>
        <translation>не подходит к входам и выходам этой сети</translation>
    </message>
    <message>
        <source>Can&apos;t open this model</source>
        <translation>Не удаётся открыть эту модель</translation>
    </message>
    <message>
        <source>The file is damaged or is not an nndesk model. Your current network is unchanged.</source>
        <translation>Файл повреждён или не является моделью nndesk. Текущая сеть не изменилась.</translation>
    </message>
    <message>
        <source>Save model</source>
        <translation>Сохранить модель</translation>
    </message>
    <message>
        <source>Can&apos;t save the model</source>
        <translation>Не удаётся сохранить модель</translation>
    </message>
    <message>
        <source>The file could not be written; the network is still here, unsaved.</source>
        <translation>Файл не удалось записать; сеть на месте, но не сохранена.</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Несохранённые изменения</translation>
    </message>
    <message>
        <source>The network has changes that are not saved. Save them?</source>
        <translation>В сети есть несохранённые изменения. Сохранить их?</translation>
    </message>
    <message>
        <source>Training is running</source>
        <translation>Идёт обучение</translation>
    </message>
    <message>
        <source>Opening this stops training and replaces the network being trained. Save the network first?</source>
        <translation>Открытие остановит обучение и заменит обучаемую сеть. Сначала сохранить сеть?</translation>
    </message>
    <message>
        <source>Training did not stop in time, so nothing was opened. Try again in a moment.</source>
        <translation>Обучение не остановилось вовремя, поэтому ничего не открыто. Попробуйте ещё раз чуть позже.</translation>
    </message>
    <message>
        <source>untitled</source>
        <translation>без имени</translation>
    </message>
</context>
<context>
    <name>WindowKeys</name>
    <message>
        <source>Go to the &amp;network</source>
        <translation>Перейти к &amp;схеме сети</translation>
    </message>
    <message>
        <source>Go to the &amp;Inspector</source>
        <translation>Перейти к &amp;инспектору</translation>
    </message>
    <message>
        <source>Go to the &amp;draw pad</source>
        <translation>Перейти к &amp;рисованию</translation>
    </message>
    <message>
        <source>Go to &amp;backpropagation</source>
        <translation>Перейти к &amp;обратному распространению</translation>
    </message>
</context>
<context>
    <name>WindowMyDigits</name>
    <message>
        <source>My digits</source>
        <translation>Мои цифры</translation>
    </message>
    <message>
        <source>Add a drawing of a %1 to my digits</source>
        <translation>Добавить рисунок цифры %1 в мои цифры</translation>
    </message>
    <message>
        <source>My digits not saved</source>
        <translation>Мои цифры не сохранены</translation>
    </message>
    <message>
        <source>Your digits could not be saved; they are kept until you close nndesk.</source>
        <translation>Ваши цифры не удалось сохранить; они хранятся, пока вы не закроете nndesk.</translation>
    </message>
    <message>
        <source>Your saved digits could not be read. The file was moved aside, not deleted, to %1. My digits starts empty.</source>
        <translation>Сохранённые цифры не удалось прочитать. Файл не удалён, а отложен в %1. «Мои цифры» начинаются с пустого набора.</translation>
    </message>
    <message>
        <source>Your saved digits could not be read, nor moved aside (%1). My digits starts empty, and new drawings are not saved this session.</source>
        <translation>Сохранённые цифры не удалось ни прочитать, ни отложить (%1). «Мои цифры» начинаются с пустого набора, и новые рисунки в этом сеансе не сохраняются.</translation>
    </message>
    <message>
        <source>%1 of your saved drawings were damaged and left out; the other %2 are kept.</source>
        <translation>Повреждённых сохранённых рисунков: %1, они пропущены; остальные (%2) сохранены.</translation>
    </message>
</context>
<context>
    <name>WindowPoints</name>
    <message>
        <source>&amp;Import CSV table…</source>
        <translation>&amp;Импортировать таблицу CSV…</translation>
    </message>
    <message>
        <source>Rows of numbers x1,…,xn with the class last; a header line is optional</source>
        <translation>Строки чисел x1,…,xn, последним — класс; строка заголовка не обязательна</translation>
    </message>
    <message>
        <source>Save data se&amp;t…</source>
        <translation>Сохранить &amp;набор данных…</translation>
    </message>
    <message>
        <source>Use these points</source>
        <translation>Взять эти точки</translation>
    </message>
    <message>
        <source>Training stopped: the points it learned from changed. Train again to learn the points you see.</source>
        <translation>Обучение остановлено: изменились точки, на которых оно шло. Запустите обучение снова, чтобы сеть училась на тех точках, что видны.</translation>
    </message>
    <message>
        <source>Points can&apos;t change while training runs: the run learns the points it started with. Stop training first.</source>
        <translation>Пока идёт обучение, точки менять нельзя: сеть учится на тех точках, с которыми обучение началось. Сначала остановите обучение.</translation>
    </message>
    <message>
        <source>my points</source>
        <translation>мои точки</translation>
    </message>
    <message>
        <source>There are no points to learn from: click on the plane to add some.</source>
        <translation>Учиться не на чем: щёлкните по плоскости, чтобы добавить точки.</translation>
    </message>
    <message>
        <source>Unsaved points</source>
        <translation>Точки не сохранены</translation>
    </message>
    <message>
        <source>The points you placed are not saved in a file. Save them?</source>
        <translation>Поставленные вами точки не сохранены в файл. Сохранить их?</translation>
    </message>
    <message>
        <source>Save data set</source>
        <translation>Сохранить набор данных</translation>
    </message>
    <message>
        <source>Data sets (*.npz)</source>
        <translation>Наборы данных (*.npz)</translation>
    </message>
    <message>
        <source>Can&apos;t save the data set</source>
        <translation>Не удалось сохранить набор данных</translation>
    </message>
    <message>
        <source>The file could not be written; the points are still here, unsaved.</source>
        <translation>Файл не удалось записать; точки на месте, но не сохранены.</translation>
    </message>
    <message>
        <source>The points were saved beside the model: %1</source>
        <translation>Точки сохранены рядом с моделью: %1</translation>
    </message>
    <message>
        <source>Import a CSV table: x1,…,xn,label on each row</source>
        <translation>Импорт таблицы CSV: в каждой строке x1,…,xn,метка</translation>
    </message>
    <message>
        <source>CSV tables (*.csv *.txt);;All files (*)</source>
        <translation>Таблицы CSV (*.csv *.txt);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Can&apos;t import this table</source>
        <translation>Не удалось импортировать таблицу</translation>
    </message>
    <message>
        <source>A CSV table has rows of numbers, the class label last (x1,…,xn,label), a header line optional. Nothing was changed.</source>
        <translation>Таблица CSV — это строки чисел, последним идёт номер класса (x1,…,xn,метка), строка заголовка не обязательна. Ничего не изменено.</translation>
    </message>
</context>
<context>
    <name>WindowRuns</name>
    <message>
        <source>Runs</source>
        <translation>Запуски</translation>
    </message>
</context>
<context>
    <name>WindowSession</name>
    <message>
        <source>Autosave failed: %1</source>
        <translation>Автосохранение не удалось: %1</translation>
    </message>
    <message>
        <source>Sa&amp;ve session…</source>
        <translation>Сохранить се&amp;анс…</translation>
    </message>
    <message>
        <source>Open sessio&amp;n…</source>
        <translation>Открыть с&amp;еанс…</translation>
    </message>
    <message>
        <source>Everything on the desk in one file: the network and its training, settings, data, my digits, runs and layout</source>
        <translation>Всё, что сейчас на столе, в одном файле: сеть и её обучение, настройки, данные, мои цифры, запуски и расположение окон</translation>
    </message>
    <message>
        <source>Save session</source>
        <translation>Сохранить сеанс</translation>
    </message>
    <message>
        <source>nndesk sessions (*.nndesk)</source>
        <translation>Сеансы nndesk (*.nndesk)</translation>
    </message>
    <message>
        <source>Can&apos;t save the session</source>
        <translation>Не удаётся сохранить сеанс</translation>
    </message>
    <message>
        <source>The file could not be written; everything is still here, unsaved.</source>
        <translation>Файл не удалось записать; всё по-прежнему здесь, но не сохранено.</translation>
    </message>
    <message>
        <source>Session saved: %1</source>
        <translation>Сеанс сохранён: %1</translation>
    </message>
    <message>
        <source>Open session</source>
        <translation>Открыть сеанс</translation>
    </message>
    <message>
        <source>does not fit this network&apos;s inputs and outputs</source>
        <translation>не подходит к входам и выходам этой сети</translation>
    </message>
    <message>
        <source>Can&apos;t open this session</source>
        <translation>Не удаётся открыть сеанс</translation>
    </message>
    <message>
        <source>The file is damaged or is not an nndesk session. Nothing was changed.</source>
        <translation>Файл повреждён или не является сеансом nndesk. Ничего не изменилось.</translation>
    </message>
</context>
<context>
    <name>WindowStartHere</name>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <source>&amp;Start here</source>
        <translation>&amp;С чего начать</translation>
    </message>
</context>
<context>
    <name>WindowTeach</name>
    <message>
        <source>Teach can&apos;t start</source>
        <translation>Дообучение не запускается</translation>
    </message>
    <message>
        <source>Your digits and this network or data set don&apos;t fit together.</source>
        <translation>Ваши цифры не подходят к этой сети или этому набору данных.</translation>
    </message>
</context>
<context>
    <name>WindowTraining</name>
    <message>
        <source>Training can&apos;t start</source>
        <translation>Обучение не может начаться</translation>
    </message>
    <message>
        <source>The data set and the network or the settings don&apos;t fit together.</source>
        <translation>Набор данных не подходит к сети или к настройкам.</translation>
    </message>
    <message>
        <source>Change the architecture?</source>
        <translation>Изменить архитектуру?</translation>
    </message>
    <message>
        <source>Training is running. Changing the architecture stops it; the weights learned so far are kept. Stop training and make the change?</source>
        <translation>Идёт обучение. Изменение архитектуры остановит его; уже найденные веса сохранятся. Остановить обучение и внести изменение?</translation>
    </message>
    <message>
        <source>Training stopped because of an error</source>
        <translation>Обучение остановлено из-за ошибки</translation>
    </message>
    <message>
        <source>Something went wrong inside the training loop. The weights from the last finished epoch are kept; you can train again.</source>
        <translation>Внутри цикла обучения что-то пошло не так. Веса после последней завершённой эпохи сохранены; можно обучать снова.</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>usage: </source>
        <translation>использование: </translation>
    </message>
    <message>
        <source>positional arguments</source>
        <translation>позиционные аргументы</translation>
    </message>
    <message>
        <source>options</source>
        <translation>параметры</translation>
    </message>
    <message>
        <source>show this help and exit</source>
        <translation>показать эту справку и выйти</translation>
    </message>
    <message>
        <source>error:</source>
        <translation>ошибка:</translation>
    </message>
    <message>
        <source>see %1 --help</source>
        <translation>см. %1 --help</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>прервано</translation>
    </message>
    <message>
        <source>internal error (%1); rerun with NNDESK_DEBUG=1 and please report it</source>
        <translation>внутренняя ошибка (%1); запустите снова с NNDESK_DEBUG=1 и, пожалуйста, сообщите о ней</translation>
    </message>
    <message>
        <source>mnist-bundled, a toy set (xor, circles, spiral, gaussians, lecture), my-digits (your drawings), an .npz file, a CSV table (x1,…,xn,label) or an MNIST folder</source>
        <translation>mnist-bundled, учебный набор (xor, circles, spiral, gaussians, lecture), my-digits (ваши рисунки), файл .npz, таблица CSV (x1,…,xn,метка) или папка MNIST</translation>
    </message>
    <message>
        <source>A desktop lab for learning how neural networks work.</source>
        <translation>Настольная лаборатория для изучения того, как работают нейронные сети.</translation>
    </message>
    <message>
        <source>Without a command nndesk opens the window: nndesk [MODEL] [--lang ru|en] [--theme light|dark] [--self-test]</source>
        <translation>Без команды nndesk открывает окно: nndesk [МОДЕЛЬ] [--lang ru|en] [--theme light|dark] [--self-test]</translation>
    </message>
    <message>
        <source>show the version and exit</source>
        <translation>показать версию и выйти</translation>
    </message>
    <message>
        <source>the language to speak (default: the locale&apos;s: LC_ALL, LC_MESSAGES, LANG)</source>
        <translation>язык сообщений (по умолчанию — язык локали: LC_ALL, LC_MESSAGES, LANG)</translation>
    </message>
    <message>
        <source>commands</source>
        <translation>команды</translation>
    </message>
    <message>
        <source>train a network and optionally save it</source>
        <translation>обучить сеть и, если нужно, сохранить её</translation>
    </message>
    <message>
        <source>start from a preset (default: the data&apos;s own)</source>
        <translation>взять за основу готовую настройку (по умолчанию — подходящую к данным)</translation>
    </message>
    <message>
        <source>hidden layer sizes, e.g. 128,64 (&apos;&apos; for none); convolutions first: conv5x5x32,pool2,conv5x5x64,pool2,128</source>
        <translation>размеры скрытых слоёв, например 128,64 (&apos;&apos; — без скрытых слоёв); свёртки сначала: conv5x5x32,pool2,conv5x5x64,pool2,128</translation>
    </message>
    <message>
        <source>learning rate η</source>
        <translation>шаг обучения η</translation>
    </message>
    <message>
        <source>momentum μ (β₁ for Adam)</source>
        <translation>момент μ (β₁ для Adam)</translation>
    </message>
    <message>
        <source>L2 weight decay λ</source>
        <translation>L2-регуляризация λ</translation>
    </message>
    <message>
        <source>learning-rate schedule</source>
        <translation>расписание шага обучения</translation>
    </message>
    <message>
        <source>skip samples whose outputs are this close</source>
        <translation>пропускать примеры, выходы которых уже настолько близки</translation>
    </message>
    <message>
        <source>distort digits every epoch</source>
        <translation>искажать цифры в каждой эпохе</translation>
    </message>
    <message>
        <source>add these digits to the training part, repeated (e.g. my-digits)</source>
        <translation>добавить эти цифры к обучающей части, с повторением (например, my-digits)</translation>
    </message>
    <message>
        <source>how often to repeat the --extra digits (default: a tenth of the mix)</source>
        <translation>сколько раз повторять цифры из --extra (по умолчанию — десятая часть смеси)</translation>
    </message>
    <message>
        <source>save the trained model here (.npz)</source>
        <translation>сохранить обученную модель сюда (.npz)</translation>
    </message>
    <message>
        <source>one JSON object per epoch, then a summary</source>
        <translation>по объекту JSON на эпоху, затем итог</translation>
    </message>
    <message>
        <source>accuracy, cost and confusion matrix of a saved model</source>
        <translation>точность, стоимость ошибки и матрица ошибок сохранённой модели</translation>
    </message>
    <message>
        <source>read digits from image files</source>
        <translation>распознать цифры на изображениях</translation>
    </message>
    <message>
        <source>get data sets</source>
        <translation>получить наборы данных</translation>
    </message>
    <message>
        <source>actions</source>
        <translation>действия</translation>
    </message>
    <message>
        <source>download a data set</source>
        <translation>скачать набор данных</translation>
    </message>
    <message>
        <source>where to put it (default %1)</source>
        <translation>куда положить (по умолчанию %1)</translation>
    </message>
    <message>
        <source>mirror base URL</source>
        <translation>базовый URL зеркала</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>не может быть пустым</translation>
    </message>
    <message>
        <source>expected sizes like 128,64, got %1</source>
        <translation>нужны размеры вида 128,64, а задано %1</translation>
    </message>
    <message>
        <source>layer sizes must be ≥ 1, got %1</source>
        <translation>размеры слоёв должны быть ≥ 1, а задано %1</translation>
    </message>
    <message>
        <source>{n:,} test samples</source>
        <translation>тестовые, {n:,}</translation>
    </message>
    <message>
        <source>{n:,} validation samples</source>
        <translation>отложенные, {n:,}</translation>
    </message>
    <message>
        <source>{n:,} samples</source>
        <translation>все, {n:,}</translation>
    </message>
    <message>
        <source>on the test set</source>
        <translation>на тестовых примерах</translation>
    </message>
    <message>
        <source>on the validation set</source>
        <translation>на отложенных примерах</translation>
    </message>
    <message>
        <source>on the training set</source>
        <translation>на обучающих примерах</translation>
    </message>
    <message>
        <source>--augment distorts images; {name} has none, so it is ignored</source>
        <translation>--augment искажает изображения, а в {name} их нет, поэтому он не действует</translation>
    </message>
    <message>
        <source>none</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>{network}; {n:,} training samples, validation: {held_out}</source>
        <translation>{network}; обучающих примеров: {n:,}, проверка: {held_out}</translation>
    </message>
    <message>
        <source>interrupted; nothing saved (give --out FILE to keep the model when interrupted)</source>
        <translation>прервано; ничего не сохранено (укажите --out ФАЙЛ, чтобы модель сохранялась и при прерывании)</translation>
    </message>
    <message>
        <source>interrupted; saved the model as it was after {n} complete epoch(s) to {path}</source>
        <translation>прервано; модель в состоянии после завершённых эпох ({n}) сохранена в {path}</translation>
    </message>
    <message>
        <source>saved to {path}</source>
        <translation>сохранено в {path}</translation>
    </message>
    <message>
        <source>not saved (add --out FILE to keep it)</source>
        <translation>не сохранено (добавьте --out ФАЙЛ, чтобы сохранить)</translation>
    </message>
    <message>
        <source>done: accuracy {accuracy:.2%}, cost {cost:.4f} {on} after {epochs} epochs in {seconds:.1f} s; {saved}</source>
        <translation>готово: точность {accuracy:.2%}, стоимость ошибки {cost:.4f} {on} после эпох: {epochs}, за {seconds:.1f} с; {saved}</translation>
    </message>
    <message>
        <source>{model} takes {n_in} inputs and gives {n_out} outputs, but {data} has {d_in} inputs and {classes} classes</source>
        <translation>у модели {model} входов {n_in} и выходов {n_out}, а у {data} входов {d_in} и классов {classes}</translation>
    </message>
    <message>
        <source>{model} on {data} ({samples}): accuracy {accuracy:.2%}, cost {cost:.4f}</source>
        <translation>{model} на {data} ({samples}): точность {accuracy:.2%}, стоимость ошибки {cost:.4f}</translation>
    </message>
    <message>
        <source>confusion matrix (rows: true class, columns: predicted)</source>
        <translation>матрица ошибок (строки — верный класс, столбцы — предсказанный)</translation>
    </message>
    <message>
        <source>{model} takes {n} inputs, not 28×28 digit images</source>
        <translation>у модели {model} входов {n}, а не изображения цифр 28×28</translation>
    </message>
    <message>
        <source>--retries must be ≥ 0, got {n}</source>
        <translation>--retries должен быть ≥ 0, а задано {n}</translation>
    </message>
    <message>
        <source>MNIST is in {dest}
train on it with: nndesk train --dataset {dest}</source>
        <translation>MNIST лежит в {dest}
обучить на нём: nndesk train --dataset {dest}</translation>
    </message>
    <message>
        <source>--out {out}: the folder {folder} does not exist</source>
        <translation>--out {out}: папки {folder} не существует</translation>
    </message>
    <message>
        <source>--out {out}: it is {kind}; give the name of a model file (.npz)</source>
        <translation>--out {out}: это {kind}; укажите имя файла модели (.npz)</translation>
    </message>
    <message>
        <source>--out {out}: cannot write in {folder} ({why})</source>
        <translation>--out {out}: в папку {folder} нельзя записать ({why})</translation>
    </message>
    <message>
        <source>the network {shape} needs about {need:,.1f} GB ({params:,} weights, {optimizer} state, a batch), more than half of the {free:,.1f} GB free now; use fewer or smaller layers</source>
        <translation>сети {shape} нужно около {need:,.1f} ГБ ({params:,} весов, состояние {optimizer}, мини-пакет) — больше половины из {free:,.1f} ГБ, свободных сейчас; уменьшите число или размер слоёв</translation>
    </message>
    <message>
        <source>the network {shape} would make a {saved:,.0f} MB model file, more than nndesk opens ({cap:,.0f} MB); use fewer or smaller layers</source>
        <translation>файл модели сети {shape} занял бы {saved:,.0f} МБ — больше, чем открывает nndesk ({cap:,.0f} МБ); уменьшите число или размер слоёв</translation>
    </message>
    <message>
        <source>network {sizes} {activation}, {cost}, {optimizer} η={lr:g}, batch {batch}, {epochs} epochs</source>
        <translation>сеть {sizes} {activation}, {cost}, {optimizer} η={lr:g}, мини-пакет {batch}, эпох {epochs}</translation>
    </message>
    <message>
        <source>, {name} schedule</source>
        <translation>, расписание {name}</translation>
    </message>
    <message>
        <source>, augmented</source>
        <translation>, с искажениями</translation>
    </message>
    <message>
        <source>epoch {epoch}/{epochs}  cost {cost}  val cost {val_cost}  val acc {val_acc}  η {lr}  {seconds} s  {speed} samples/s</source>
        <translation>эпоха {epoch}/{epochs}  стоимость {cost}  проверка: стоимость {val_cost}  точность {val_acc}  η {lr}  {seconds} с  {speed} примеров/с</translation>
    </message>
    <message>
        <source>note:</source>
        <translation>замечание:</translation>
    </message>
    <message>
        <source>MB</source>
        <translation>МБ</translation>
    </message>
    <message>
        <source>write a model as ONNX, a PyTorch folder or a numpy script</source>
        <translation>записать модель как ONNX, папку PyTorch или скрипт numpy</translation>
    </message>
    <message>
        <source>onnx: one .onnx file for any runtime; pytorch: a folder with model.py, weights.npz and train.py (torchrun-ready); numpy: one script, numpy only</source>
        <translation>onnx: один файл .onnx для любой среды выполнения; pytorch: папка с model.py, weights.npz и train.py (готова к torchrun); numpy: один скрипт, только numpy</translation>
    </message>
    <message>
        <source>the file (onnx, numpy) or folder (pytorch) to write</source>
        <translation>файл (onnx, numpy) или папка (pytorch), куда записать</translation>
    </message>
    <message>
        <source>pytorch only: also write this data set&apos;s training part as data.npz (%1)</source>
        <translation>только для pytorch: записать ещё обучающую часть этого набора данных как data.npz (%1)</translation>
    </message>
    <message>
        <source>--data goes with --to pytorch only</source>
        <translation>--data используется только с --to pytorch</translation>
    </message>
    <message>
        <source>{data} has no training part</source>
        <translation>в {data} нет обучающей части</translation>
    </message>
    <message>
        <source>ONNX export needs the onnx package: %1</source>
        <translation>для экспорта в ONNX нужен пакет onnx: %1</translation>
    </message>
    <message>
        <source>wrote {path}: model.py, weights.npz, train.py{data}</source>
        <translation>записано {path}: model.py, weights.npz, train.py{data}</translation>
    </message>
    <message>
        <source>go on training: torchrun --standalone --nproc_per_node=2 {train} --data {data}</source>
        <translation>продолжить обучение: torchrun --standalone --nproc_per_node=2 {train} --data {data}</translation>
    </message>
    <message>
        <source>wrote {path}</source>
        <translation>записано {path}</translation>
    </message>
</context>
</TS>
