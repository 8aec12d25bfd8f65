# A cooperative scheduler in the style of the Richards benchmark: classes, inheritance,
# method calls, attribute access, linked queues of packets. (Our own design, not Richards.)
IDLE, WORKER, HANDLER_A, HANDLER_B, DEVICE_A, DEVICE_B = range(6)


class Packet:
    def __init__(self, link, dest, kind):
        self.link = link
        self.dest = dest
        self.kind = kind
        self.datum = 0
        self.data = [0, 0, 0, 0]

    def append_to(self, queue):
        self.link = None
        if queue is None:
            return self
        p = queue
        while p.link is not None:
            p = p.link
        p.link = self
        return queue


class Task:
    def __init__(self, sched, ident, priority, queue):
        self.sched = sched
        self.ident = ident
        self.priority = priority
        self.queue = queue
        self.held = False
        self.waiting = queue is None
        self.runs = 0

    def runnable(self):
        return not self.held and (not self.waiting or self.queue is not None)

    def take(self):
        p = self.queue
        self.queue = p.link
        p.link = None
        return p

    def step(self):
        self.runs += 1
        packet = self.take() if self.queue is not None else None
        self.waiting = False
        return self.work(packet)

    def send(self, packet, dest):
        return self.sched.deliver(packet, dest)


class Idle(Task):
    def __init__(self, sched, ident, priority, count):
        Task.__init__(self, sched, ident, priority, None)
        self.count = count
        self.seed = 1

    def runnable(self):
        return not self.held

    def work(self, packet):
        self.count -= 1
        if self.count == 0:
            return None
        if self.seed & 1:
            self.seed = (self.seed >> 1) ^ 0xD008
            return self.sched.release(DEVICE_B)
        self.seed >>= 1
        return self.sched.release(DEVICE_A)


class Worker(Task):
    def __init__(self, sched, ident, priority, queue):
        Task.__init__(self, sched, ident, priority, queue)
        self.dest = HANDLER_A
        self.letter = 0

    def work(self, packet):
        if packet is None:
            self.waiting = True
            return self
        self.dest = HANDLER_B if self.dest == HANDLER_A else HANDLER_A
        packet.dest = self.dest
        packet.datum = 0
        for i in range(4):
            self.letter = (self.letter + 1) % 26
            packet.data[i] = self.letter
        return self.send(packet, self.dest)


class Handler(Task):
    def __init__(self, sched, ident, priority, queue, device):
        Task.__init__(self, sched, ident, priority, queue)
        self.device = device
        self.pending = None

    def work(self, packet):
        if packet is not None:
            self.pending = packet.append_to(self.pending)
        if self.pending is None:
            self.waiting = True
            return self
        p = self.pending
        self.pending = p.link
        p.link = None
        p.datum = sum(p.data) % 7
        return self.send(p, self.device)


class Device(Task):
    """Keeps the packets it gets until the idle task releases it, then passes them on."""

    def __init__(self, sched, ident, priority):
        Task.__init__(self, sched, ident, priority, None)
        self.stash = None
        self.handled = 0

    def work(self, packet):
        if packet is not None:
            self.stash = packet.append_to(self.stash)
            self.held = True
            return self
        if self.stash is None:
            self.waiting = True
            return self
        p = self.stash
        self.stash = p.link
        p.link = None
        self.handled += p.datum + 1
        return self.send(p, WORKER)


class Scheduler:
    def __init__(self):
        self.tasks = {}
        self.order = []

    def add(self, task):
        self.tasks[task.ident] = task
        self.order.append(task)
        self.order.sort(key=lambda t: -t.priority)

    def deliver(self, packet, dest):
        t = self.tasks[dest]
        t.queue = packet.append_to(t.queue)
        if t.held:
            t.held = False
        return t

    def release(self, ident):
        t = self.tasks[ident]
        t.held = False
        return t

    def run(self):
        steps = 0
        while True:
            task = None
            for t in self.order:
                if t.runnable():
                    task = t
                    break
            if task is None:
                return steps
            if task.step() is None:
                return steps
            steps += 1


def make_queue(n, dest):
    q = None
    for i in range(n):
        q = Packet(q, dest, i & 1)
    return q


def bench(count):
    s = Scheduler()
    s.add(Idle(s, IDLE, 0, count))
    s.add(Worker(s, WORKER, 1000, make_queue(2, WORKER)))
    s.add(Handler(s, HANDLER_A, 2000, make_queue(3, HANDLER_A), DEVICE_A))
    s.add(Handler(s, HANDLER_B, 3000, make_queue(3, HANDLER_B), DEVICE_B))
    s.add(Device(s, DEVICE_A, 4000))
    s.add(Device(s, DEVICE_B, 5000))
    steps = s.run()
    runs = [s.tasks[i].runs for i in range(6)]
    return steps, runs, s.tasks[DEVICE_A].handled + s.tasks[DEVICE_B].handled


print("richards", bench(5000))
